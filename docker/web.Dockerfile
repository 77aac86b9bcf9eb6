# syntax=docker/dockerfile:1
# Web image (SvelteKit, adapter-node). Build context: the repository root — `docker compose` in docker/ sets it.
# The build output is self-contained, so the final image holds only web/build and no node_modules.
ARG NODE_IMAGE=node:20-bookworm-slim

# Only the package manifests, so the install layer stays cached until a dependency changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /out \
 && cp package.json package-lock.json .npmrc /out/ \
 && find . -name package.json -not -path '*/node_modules/*' -not -path './package.json' -exec cp --parents '{}' /out/ ';'

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_update_notifier=false
COPY --from=manifests /out/ ./
# `npm install` keeps the locked versions; `npm ci` rejects this lock file (see .ci/run).
RUN npm install --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=deps /app/ ./
COPY package.json tsconfig.base.json tsconfig.json ./
COPY libs ./libs
COPY web ./web
RUN npm run -w web build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /app/web/package.json ./package.json
COPY --from=build /app/web/build ./build
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "build/index.js"]
