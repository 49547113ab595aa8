FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY explorer ./explorer
COPY schema ./schema
COPY seed ./seed
COPY tsconfig.json ./
# In a container the server must listen beyond loopback to be reached through the published port.
ENV PORT=4000 DATA_DIR=/data HOST=0.0.0.0
EXPOSE 4000
CMD ["node", "bin/newsgraph.js", "serve"]
