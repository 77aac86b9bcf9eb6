import { describe, expect, it } from 'vitest';
import { refusesCrossSite, type RequestFacts } from './cross-site';

const OWN = 'https://vertelpunt.gemeente.nl';
const req = (facts: Partial<RequestFacts>): RequestFacts => ({
  method: 'GET',
  origin: null,
  secFetchSite: null,
  secFetchMode: null,
  secFetchDest: null,
  contentType: null,
  ...facts,
});

describe('refusesCrossSite', () => {
  it('lets our own pages, typed addresses and servers through', () => {
    expect(refusesCrossSite(req({ method: 'POST', origin: OWN, secFetchSite: 'same-origin', secFetchMode: 'cors' }), OWN)).toBe(false);
    expect(refusesCrossSite(req({ secFetchSite: 'none', secFetchMode: 'navigate', secFetchDest: 'document' }), OWN)).toBe(false);
    expect(refusesCrossSite(req({ method: 'POST' }), OWN)).toBe(false);
  });

  it('lets a link from another site open a page', () => {
    expect(refusesCrossSite(req({ secFetchSite: 'cross-site', secFetchMode: 'navigate', secFetchDest: 'document' }), OWN)).toBe(false);
  });

  it('refuses posts, subresource loads and frames from other sites', () => {
    const cross = { secFetchSite: 'cross-site', origin: 'https://evil.example' };
    expect(refusesCrossSite(req({ ...cross, method: 'POST', secFetchMode: 'navigate', secFetchDest: 'document' }), OWN)).toBe(true);
    expect(refusesCrossSite(req({ ...cross, method: 'POST', secFetchMode: 'no-cors', secFetchDest: 'empty' }), OWN)).toBe(true);
    expect(refusesCrossSite(req({ ...cross, secFetchMode: 'no-cors', secFetchDest: 'audio' }), OWN)).toBe(true);
    expect(refusesCrossSite(req({ ...cross, secFetchMode: 'no-cors', secFetchDest: 'image' }), OWN)).toBe(true);
    expect(refusesCrossSite(req({ ...cross, secFetchMode: 'navigate', secFetchDest: 'iframe' }), OWN)).toBe(true);
    expect(refusesCrossSite(req({ secFetchSite: 'same-site', method: 'PATCH', secFetchMode: 'cors' }), OWN)).toBe(true);
  });

  it('holds browsers without Fetch Metadata to their Origin on writes', () => {
    expect(refusesCrossSite(req({ method: 'POST', origin: 'https://evil.example' }), OWN)).toBe(true);
    expect(refusesCrossSite(req({ method: 'DELETE', origin: 'null' }), OWN)).toBe(true);
    expect(refusesCrossSite(req({ method: 'POST', origin: OWN }), OWN)).toBe(false);
    expect(refusesCrossSite(req({ method: 'GET', origin: 'https://evil.example' }), OWN)).toBe(false);
  });

  it('refuses a form post that says nowhere where it comes from, as SvelteKit would', () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'TEXT/PLAIN;charset=utf-8']) {
      expect(refusesCrossSite(req({ method: 'POST', contentType }), OWN)).toBe(true);
      expect(refusesCrossSite(req({ method: 'POST', contentType, origin: OWN }), OWN)).toBe(false);
    }
    expect(refusesCrossSite(req({ method: 'POST', contentType: 'application/json' }), OWN)).toBe(false);
  });
});
