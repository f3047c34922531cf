'use strict';
// Usage: node hub-client.js HOST:PORT NODE_ID NODE_KEY COMMUNE
// Acts as an edge node against the real OneStop hub with grpc-js: every RPC shape, node metadata,
// gzip. Prints a JSON summary; exits 1 when an RPC fails unexpectedly.
const crypto = require('crypto');
const { grpc, loadSync, blob } = require('./sync-proto');

const [target, nodeId, nodeKey, commune] = process.argv.slice(2);
if (!commune) {
  console.error('usage: node hub-client.js HOST:PORT NODE_ID NODE_KEY COMMUNE');
  process.exit(2);
}

const options = { 'grpc.default_compression_algorithm': 2 };
const client = new (loadSync().Sync)(target, grpc.credentials.createInsecure(), options);
const deadline = () => new Date(Date.now() + 10000);

function metadata(key = nodeKey) {
  const md = new grpc.Metadata();
  md.set('onestop-node-id', nodeId);
  md.set('authorization', `Bearer ${key}`);
  return md;
}

function unary(method, request, md = metadata()) {
  return new Promise((resolve) => {
    client[method](request, md, { deadline: deadline() }, (err, reply) => resolve({ err, reply }));
  });
}

const failure = (err) => ({ code: err.code, details: err.details });

async function main() {
  const summary = {};
  const now = Date.now();

  const hello = await unary('hello', { nodeId, communeCode: commune, nodeWallMs: String(now) });
  summary.hello = hello.err ? failure(hello.err) : { hubId: hello.reply.hubId, ackedOriginSeq: hello.reply.ackedOriginSeq };

  const recordId = crypto.randomUUID();
  const version = { wallMs: String(now), counter: 0, node: nodeId };
  const push = await unary('push', {
    nodeId,
    entries: [{
      originNode: nodeId,
      originSeq: '1',
      recordId,
      recordType: 'dossier',
      scope: commune,
      fields: [
        { name: 'applicant_name', jsonValue: '"Hạng A Tủa"', version, replaced: { wallMs: '0', counter: 0, node: '' } },
        { name: 'status', jsonValue: '"received"', version, replaced: { wallMs: '0', counter: 0, node: '' } },
      ],
    }],
  });
  summary.push = push.err ? failure(push.err) : { ackedOriginSeq: push.reply.ackedOriginSeq, applied: push.reply.applied };
  summary.recordId = recordId;

  const outOfScope = await unary('push', {
    nodeId,
    entries: [{ originNode: nodeId, originSeq: '2', recordId: crypto.randomUUID(), recordType: 'dossier', scope: '99999', fields: [] }],
  });
  summary.outOfScope = outOfScope.err ? failure(outOfScope.err) : { code: 0 };

  const wrongKey = await unary('hello', { nodeId, communeCode: commune }, metadata('wrong-key'));
  summary.wrongKey = wrongKey.err ? failure(wrongKey.err) : { code: 0 };

  summary.pull = await new Promise((resolve) => {
    const seen = { messages: 0, entries: 0, scopes: new Set(), ownRecord: false, lastCursor: '0' };
    const call = client.pull({ nodeId, afterCursor: '0', maxEntries: 10 }, metadata(), { deadline: deadline() });
    call.on('data', (reply) => {
      seen.messages += 1;
      seen.entries += reply.entries.length;
      seen.lastCursor = reply.cursor;
      for (const entry of reply.entries) {
        seen.scopes.add(entry.change.scope);
        if (entry.change.recordId === recordId) {
          seen.ownRecord = true;
        }
      }
    });
    call.on('error', (err) => resolve(failure(err)));
    call.on('end', () => resolve({ ...seen, scopes: [...seen.scopes].sort() }));
  });

  const data = blob(150000);
  const sha256 = crypto.createHash('sha256').update(data).digest('hex');
  summary.upload = await new Promise((resolve) => {
    const call = client.uploadAttachment(metadata(), { deadline: deadline() }, (err, reply) => resolve(err
      ? failure(err)
      : { receivedBytes: reply.receivedBytes, complete: reply.complete }));
    for (let offset = 0; offset < data.length; offset += 64 * 1024) {
      call.write({ sha256, totalSize: String(data.length), offset: String(offset), data: data.subarray(offset, offset + 64 * 1024), recordId });
    }
    call.end();
  });
  summary.sha256 = sha256;

  const query = await unary('queryAttachment', { sha256 });
  summary.query = query.err ? failure(query.err) : { receivedBytes: query.reply.receivedBytes, complete: query.reply.complete };

  const ok = !hello.err && !push.err && !query.err && summary.pull.entries !== undefined && summary.upload.complete === true;
  process.stdout.write(JSON.stringify(summary) + '\n');
  client.close();
  process.exitCode = ok ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
