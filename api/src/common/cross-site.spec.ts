import { isCrossSite } from './cross-site';

describe('isCrossSite', () => {
  it('lets servers and tools without browser headers through', () => {
    expect(isCrossSite(undefined)).toBe(false);
  });

  it('lets same-origin pages (GraphiQL in development) and typed addresses through', () => {
    expect(isCrossSite('same-origin')).toBe(false);
    expect(isCrossSite('none')).toBe(false);
  });

  it('refuses pages of other sites, and of sibling subdomains', () => {
    expect(isCrossSite('cross-site')).toBe(true);
    expect(isCrossSite('same-site')).toBe(true);
    expect(isCrossSite('CROSS-SITE')).toBe(true);
  });
});
