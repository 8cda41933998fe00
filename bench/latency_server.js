// A link-check target for bench_links.py: answers every request with 200 after a fixed
// latency, on 127.0.0.1..127.0.0.N (one "host" each), same port. Node, so that the
// server's own CPU time stays far below the clients' (the bench runs on 2 cores).
// GET /__stats (on any host) returns and resets {"requests", "max_per_host"}: the most
// requests one host had in flight at once, to check each tool's per-host limit.
// Usage: node latency_server.js PORT HOSTS LATENCY_MS
const http = require("http");
const [port, hosts, latency] = process.argv.slice(2).map(Number);
const body = "<!doctype html><title>page</title><p>hello</p>";
let requests = 0;
let maxPerHost = 0;
const inFlight = {};
function handle(host) {
  return (req, res) => {
    if (req.url === "/__stats") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ requests, max_per_host: maxPerHost }));
      requests = 0;
      maxPerHost = 0;
      return;
    }
    requests += 1;
    inFlight[host] = (inFlight[host] || 0) + 1;
    maxPerHost = Math.max(maxPerHost, inFlight[host]);
    setTimeout(() => {
      inFlight[host] -= 1;
      res.writeHead(200, { "Content-Type": "text/html", "Content-Length": Buffer.byteLength(body) });
      res.end(req.method === "HEAD" ? undefined : body);
    }, latency);
  };
}
let ready = 0;
for (let i = 1; i <= hosts; i++) {
  const host = `127.0.0.${i}`;
  const server = http.createServer({ keepAlive: true }, handle(host));
  server.keepAliveTimeout = 30000;
  server.listen({ port, host, backlog: 1024 }, () => {
    ready += 1;
    if (ready === hosts) console.log("ready");
  });
}
