# syntax=docker/dockerfile:1
# One multi-stage build for every service; pick one with --target api|cloud|web:
#   docker build --target api -t reprise-api .
# Each runtime image holds only its own workspaces and their production dependencies, runs as an
# unprivileged user (uid 1000, "node") on read-only application files, and has a health check.

ARG NODE_IMAGE=node:20.19-bookworm-slim

# The workspace manifests alone: the dependency layers below are reused while only sources change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY contract/package.json contract/
COPY rules/package.json rules/
COPY core/package.json core/
COPY http/package.json http/
COPY api/package.json api/
COPY cloud/package.json cloud/
COPY sdk/package.json sdk/
COPY frontend/package.json frontend/
COPY tools/package.json tools/
COPY bench/package.json bench/

# Everything, dev dependencies included, to compile TypeScript and bundle the dashboard.
FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Production dependencies of one service's workspaces only (the API needs no React, the dashboard no mongoose).
FROM manifests AS api-deps
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts -w api -w core -w rules -w http -w contract

FROM manifests AS cloud-deps
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts -w cloud -w core -w rules -w http -w contract

FROM manifests AS web-deps
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts -w frontend -w sdk -w contract

# What every service image starts from: Node, production mode, an unprivileged user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/openapi.yaml ./
COPY --from=build /app/contract/package.json contract/
COPY --from=build /app/contract/dist contract/dist

FROM runtime AS api
COPY --from=api-deps /app/node_modules node_modules
COPY --from=build /app/rules/package.json rules/
COPY --from=build /app/rules/dist rules/dist
COPY --from=build /app/core/package.json core/
COPY --from=build /app/core/dist core/dist
COPY --from=build /app/http/package.json http/
COPY --from=build /app/http/dist http/dist
COPY --from=build /app/api/package.json api/
COPY --from=build /app/api/dist api/dist
USER 1000:1000
EXPOSE 5100
# Node exits on SIGTERM once in-flight requests and uploads are done (30 s at most).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:5100/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "api/dist/server.js"]

FROM runtime AS cloud
COPY --from=cloud-deps /app/node_modules node_modules
COPY --from=build /app/rules/package.json rules/
COPY --from=build /app/rules/dist rules/dist
COPY --from=build /app/core/package.json core/
COPY --from=build /app/core/dist core/dist
COPY --from=build /app/http/package.json http/
COPY --from=build /app/http/dist http/dist
COPY --from=build /app/cloud/package.json cloud/
COPY --from=build /app/cloud/dist cloud/dist
USER 1000:1000
EXPOSE 5200
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:5200/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "cloud/dist/server.js"]

FROM runtime AS web
COPY --from=web-deps /app/node_modules node_modules
COPY --from=build /app/sdk/package.json sdk/
COPY --from=build /app/sdk/dist sdk/dist
COPY --from=build /app/frontend/package.json frontend/
COPY --from=build /app/frontend/dist frontend/dist
USER 1000:1000
EXPOSE 5000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:5000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "frontend/dist/server/server.js"]
