import { DEFAULT_THEME } from '@vertelpunt/domain';
import { describe, expect, it } from 'vitest';
import { contrastRatio, safeLogoUrl, themeColors, themeStyle } from './theme';

describe('contrastRatio', () => {
  it('matches the WCAG extremes', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });
});

describe('themeColors', () => {
  it("uses the organisation's colours when they are readable", () => {
    expect(themeColors({ primaryColor: '#00689E', primaryTextColor: '#FFFFFF' })).toEqual({
      primary: '#00689e',
      primaryText: '#ffffff',
      accent: '#00689e',
    });
  });

  it('falls back to the default pair when text and background are too alike', () => {
    expect(themeColors({ primaryColor: '#ffcc00', primaryTextColor: '#ffffff' })).toEqual({
      primary: DEFAULT_THEME.primaryColor,
      primaryText: DEFAULT_THEME.primaryTextColor,
      accent: DEFAULT_THEME.primaryColor,
    });
  });

  it('keeps a light brand colour for the bar but not for links on white', () => {
    const colors = themeColors({ primaryColor: '#ffcc00', primaryTextColor: '#000000' });
    expect(colors.primary).toBe('#ffcc00');
    expect(colors.accent).toBe(DEFAULT_THEME.primaryColor);
  });

  it('uses the default without an organisation', () => {
    expect(themeColors(null).primary).toBe(DEFAULT_THEME.primaryColor);
  });
});

describe('themeStyle', () => {
  it('writes the CSS variables the shell reads', () => {
    expect(themeStyle({ primaryColor: '#154273', primaryTextColor: '#ffffff' })).toBe(
      '--vp-color-primary: #154273; --vp-color-primary-text: #ffffff; --vp-color-accent: #154273',
    );
  });

  it('never lets anything but a colour into the style attribute', () => {
    const style = themeStyle({ primaryColor: 'red; background: url(https://evil.example)', primaryTextColor: '#fff' });
    expect(style).not.toContain('evil');
    expect(style).toContain(DEFAULT_THEME.primaryColor);
  });
});

describe('safeLogoUrl', () => {
  it('accepts https and local paths', () => {
    expect(safeLogoUrl('https://www.utrecht.nl/logo.svg')).toBe('https://www.utrecht.nl/logo.svg');
    expect(safeLogoUrl('/logos/utrecht.svg')).toBe('/logos/utrecht.svg');
  });

  it('refuses everything else', () => {
    expect(safeLogoUrl('http://insecure.example/logo.png')).toBeNull();
    expect(safeLogoUrl('javascript:alert(1)')).toBeNull();
    expect(safeLogoUrl('//evil.example/logo.png')).toBeNull();
    expect(safeLogoUrl('')).toBeNull();
    expect(safeLogoUrl(null)).toBeNull();
  });
});
