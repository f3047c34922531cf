'use strict';
// Usage: node client.js HOST:PORT [--ca ca.pem]
// Calls every method of onestop.sync.v1.Sync with gzip on, prints a JSON summary, exits 1 on any unexpected result.
const crypto = require('crypto');
const fs = require('fs');
const { grpc, loadSync, blob, argValue } = require('./sync-proto');

const args = process.argv.slice(2);
const target = args[0];
if (!target) {
  console.error('usage: node client.js HOST:PORT [--ca ca.pem]');
  process.exit(2);
}

const caPath = argValue(args, '--ca');
const credentials = caPath ? grpc.credentials.createSsl(fs.readFileSync(caPath)) : grpc.credentials.createInsecure();
const options = { 'grpc.default_compression_algorithm': 2 };
const Sync = loadSync().Sync;
const client = new Sync(target, credentials, options);
const generic = new grpc.Client(target, credentials, options);

const NODE_WALL_MS = '1699999999000';

function deadline(ms) {
  return new Date(Date.now() + ms);
}

function unary(method, request, ms = 10000) {
  return new Promise((resolve) => {
    client[method](request, { deadline: deadline(ms) }, (err, reply) => resolve({ err, reply }));
  });
}

function failure(err) {
  return err ? { code: err.code, details: err.details } : null;
}

async function main() {
  const summary = { target, tls: Boolean(caPath) };

  const hello = await unary('hello', { nodeId: 'node-js', communeCode: '26734', nodeWallMs: NODE_WALL_MS, softwareVersion: 'interop' });
  summary.hello = hello.err ? failure(hello.err) : {
    hubId: hello.reply.hubId,
    hubWallMs: hello.reply.hubWallMs,
    clockOffsetMs: hello.reply.clockOffsetMs,
    ackedOriginSeq: hello.reply.ackedOriginSeq,
  };

  const push = await unary('push', {
    nodeId: 'node-js',
    entries: [5, 9, 7].map((seq) => ({
      originNode: 'node-js',
      originSeq: String(seq),
      recordId: `rec-${seq}`,
      recordType: 'dossier',
      scope: '26734',
      fields: [{ name: 'applicant', jsonValue: '"Nguyễn Văn A"', version: { wallMs: NODE_WALL_MS, counter: 0, node: 'node-js' } }],
    })),
  });
  summary.push = push.err ? failure(push.err) : { ackedOriginSeq: push.reply.ackedOriginSeq, applied: push.reply.applied };

  summary.pull = await new Promise((resolve) => {
    const cursors = [];
    const more = [];
    const records = [];
    const call = client.pull({ nodeId: 'node-js', afterCursor: '10', maxEntries: 3 }, { deadline: deadline(10000) });
    call.on('data', (reply) => {
      cursors.push(reply.cursor);
      more.push(reply.more);
      records.push(...reply.entries.map((e) => e.change.recordId));
    });
    call.on('error', (err) => resolve(failure(err)));
    call.on('end', () => resolve({ cursors, more, records }));
  });

  const data = blob(200000);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  summary.upload = await new Promise((resolve) => {
    const call = client.uploadAttachment({ deadline: deadline(10000) }, (err, reply) => resolve(err
      ? failure(err)
      : { sha256: reply.sha256, receivedBytes: reply.receivedBytes, complete: reply.complete, expectedSha256: sha256 }));
    const chunkSize = 64 * 1024;
    for (let offset = 0; offset < data.length; offset += chunkSize) {
      call.write({
        sha256,
        totalSize: String(data.length),
        offset: String(offset),
        data: data.subarray(offset, offset + chunkSize),
        recordId: 'rec-js',
        contentType: 'application/octet-stream',
      });
    }
    call.end();
  });

  const query = await unary('queryAttachment', { sha256 });
  summary.query = query.err ? failure(query.err) : { sha256: query.reply.sha256, receivedBytes: query.reply.receivedBytes, complete: query.reply.complete };

  summary.unimplemented = await new Promise((resolve) => {
    generic.makeUnaryRequest(
      '/onestop.sync.v1.Sync/DoesNotExist',
      (message) => message,
      (buffer) => buffer,
      Buffer.alloc(0),
      { deadline: deadline(10000) },
      (err) => resolve(err ? failure(err) : { code: 0 }));
  });

  const failed = await unary('hello', { nodeId: 'fail' });
  summary.failure = failure(failed.err) || { code: 0 };

  const slow = await unary('hello', { nodeId: 'slow' }, 300);
  summary.deadline = failure(slow.err) || { code: 0 };

  const ok = summary.hello.hubId !== undefined
    && summary.push.applied === 3
    && Array.isArray(summary.pull.cursors) && summary.pull.cursors.length === 3
    && summary.upload.complete === true
    && summary.query.complete === true
    && summary.unimplemented.code === grpc.status.UNIMPLEMENTED
    && summary.failure.code === grpc.status.FAILED_PRECONDITION
    && summary.deadline.code === grpc.status.DEADLINE_EXCEEDED;
  summary.ok = ok;
  process.stdout.write(JSON.stringify(summary) + '\n');
  client.close();
  generic.close();
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
