import { DEFAULT_THEME, isHexColor, type OrganisationTheme } from '@vertelpunt/domain';

export type ThemeInput = Partial<OrganisationTheme> | null | undefined;

/** The colours the shell uses; every pair here meets WCAG AA for normal text (4.5:1). */
export type ThemeColors = {
  /** Background of the navigation bar and primary buttons. */
  primary: string;
  /** Text on `primary`. */
  primaryText: string;
  /** Links and markers on the white page. */
  accent: string;
};

const WHITE = '#ffffff';
const AA_TEXT = 4.5;

const channel = (hex: string, offset: number) => {
  const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export const luminance = (hex: string): number =>
  0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);

/** WCAG 2 contrast ratio, 1 to 21. */
export const contrastRatio = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};

/**
 * An organisation picks its colours, but never at the cost of readability or safety: only
 * `#rrggbb` values are used (they end up in a style attribute), and a pair that is not readable
 * falls back to the default pair.
 */
export const themeColors = (theme: ThemeInput): ThemeColors => {
  const primary = theme?.primaryColor?.trim() ?? '';
  const primaryText = theme?.primaryTextColor?.trim() ?? '';
  const valid = isHexColor(primary) && isHexColor(primaryText) && contrastRatio(primary, primaryText) >= AA_TEXT;
  const pair = valid
    ? { primary: primary.toLowerCase(), primaryText: primaryText.toLowerCase() }
    : { primary: DEFAULT_THEME.primaryColor, primaryText: DEFAULT_THEME.primaryTextColor };
  const accent = contrastRatio(pair.primary, WHITE) >= AA_TEXT ? pair.primary : DEFAULT_THEME.primaryColor;
  return { ...pair, accent };
};

/** Inline CSS variables for the layout root; the names match `--vp-color-*` in app.css. */
export const themeStyle = (theme: ThemeInput): string => {
  const colors = themeColors(theme);
  return [
    `--vp-color-primary: ${colors.primary}`,
    `--vp-color-primary-text: ${colors.primaryText}`,
    `--vp-color-accent: ${colors.accent}`,
  ].join('; ');
};

/** Logos come from the organisation's own https site or from this site; anything else is dropped. */
export const safeLogoUrl = (value: string | null | undefined): string | null => {
  const url = value?.trim();
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')) return url;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};
