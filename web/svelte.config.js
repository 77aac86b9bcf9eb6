import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes everywhere in our own code; libraries keep whatever mode they were written in.
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
  },
  kit: {
    adapter: adapter({ out: 'build' }),
    // Cross-site form posts are refused by our own hook (src/lib/server/cross-site.ts), which checks at least what
    // SvelteKit's origin check does but answers in Dutch; SvelteKit's check would answer first, in English.
    csrf: { trustedOrigins: ['*'] },
    csp: {
      // Nonces for SvelteKit's own inline scripts on rendered pages, hashes on prerendered ones.
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // The organisation theme is set as CSS variables in a style attribute on the layout root
        // (colours validated in src/lib/theme.ts); attributes only, <style> elements stay locked down.
        'style-src-attr': ['unsafe-inline'],
        // Organisation logos may live on the organisation's own https site.
        'img-src': ['self', 'data:', 'https:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        // The recorder plays back local recordings from blob: URLs.
        'media-src': ['self', 'blob:'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
