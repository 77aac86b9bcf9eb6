/** Per-organisation look: NL Design System tokens the web app sets as CSS custom properties. */
export type OrganisationTheme = {
  primaryColor: string;
  primaryTextColor: string;
  logoUrl: string | null;
};

export const DEFAULT_THEME: OrganisationTheme = {
  primaryColor: '#154273',
  primaryTextColor: '#ffffff',
  logoUrl: null,
};

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
export const isHexColor = (value: string) => HEX_COLOR.test(value);
