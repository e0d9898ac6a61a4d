# syntax=docker/dockerfile:1
# One multi-stage build for every service; pick one with --target api|cloud|web.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so that the dependency layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY contract/package.json contract/
COPY core/package.json core/
COPY http/package.json http/
COPY api/package.json api/
COPY cloud/package.json cloud/
COPY sdk/package.json sdk/
COPY frontend/package.json frontend/
COPY tools/package.json tools/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/openapi.yaml ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/contract/package.json contract/
COPY --from=build /app/contract/dist contract/dist
COPY --from=build /app/core/package.json core/
COPY --from=build /app/core/dist core/dist
COPY --from=build /app/http/package.json http/
COPY --from=build /app/http/dist http/dist
USER node

FROM runtime AS api
COPY --from=build /app/api/package.json api/
COPY --from=build /app/api/dist api/dist
EXPOSE 5100
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:5100/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "api/dist/server.js"]

FROM runtime AS cloud
COPY --from=build /app/cloud/package.json cloud/
COPY --from=build /app/cloud/dist cloud/dist
EXPOSE 5200
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:5200/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "cloud/dist/server.js"]

FROM runtime AS web
COPY --from=build /app/sdk/package.json sdk/
COPY --from=build /app/sdk/dist sdk/dist
COPY --from=build /app/frontend/package.json frontend/
COPY --from=build /app/frontend/dist frontend/dist
EXPOSE 5000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:5000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "frontend/dist/server/server.js"]
