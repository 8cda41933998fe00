// A link-check target for bench_links.py: answers every request with 200 after a fixed
// latency, on 127.0.0.1..127.0.0.N (one "host" each), same port. Node, so that the
// server's own CPU time stays far below the clients' (the bench runs on 2 cores).
// Usage: node latency_server.js PORT HOSTS LATENCY_MS
const http = require("http");
const [port, hosts, latency] = process.argv.slice(2).map(Number);
let count = 0;
const body = "<!doctype html><title>page</title><p>hello</p>";
function handle(req, res) {
  count += 1;
  if (req.url === "/__count") {
    count -= 1;
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(String(count));
    return;
  }
  setTimeout(() => {
    res.writeHead(200, { "Content-Type": "text/html", "Content-Length": Buffer.byteLength(body) });
    res.end(req.method === "HEAD" ? undefined : body);
  }, latency);
}
let ready = 0;
for (let i = 1; i <= hosts; i++) {
  const server = http.createServer({ keepAlive: true }, handle);
  server.keepAliveTimeout = 30000;
  server.listen({ port, host: `127.0.0.${i}`, backlog: 1024 }, () => {
    ready += 1;
    if (ready === hosts) console.log("ready");
  });
}
