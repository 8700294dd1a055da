// Runs autocannon in its own thread so the load generator does not share the server's event loop.
// Records every response time (autocannon's summary has no p95) and every status code.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, headers, connections, duration, timeout } = workerData;
const latencies = [];
const statuses = {};

const instance = autocannon({ url, headers, connections, duration, timeout }, (err, result) => {
  if (err) {
    parentPort.postMessage({ error: String(err) });
    return;
  }
  parentPort.postMessage({
    latencies: Float64Array.from(latencies),
    statuses,
    // In a worker thread autocannon hands back its raw (unaggregated) result.
    requests: latencies.length,
    durationSec: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  });
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
