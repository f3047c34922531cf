'use strict';
// Usage: node server.js [--cert cert.pem --key key.pem]
// Serves onestop.sync.v1.Sync with the same deterministic behaviour as the C# TestSyncService. Prints the bound
// port as the first stdout line. Methods that do not exist get grpc-js's own UNIMPLEMENTED.
// Exits when stdin closes, so a crashed test run leaves no server behind.
const crypto = require('crypto');
const fs = require('fs');
const { grpc, loadSync, argValue } = require('./sync-proto');

const HUB_ID = 'hub-js';
const HUB_WALL_MS = 1700000000000n;
const FAIL_MESSAGE = 'Nút chưa đăng ký: 100% từ chối';

const args = process.argv.slice(2);
const certPath = argValue(args, '--cert');
const keyPath = argValue(args, '--key');
const attachments = new Map();

const service = {
  hello(call, callback) {
    const request = call.request;
    if (request.nodeId === 'fail') {
      callback({ code: grpc.status.FAILED_PRECONDITION, details: FAIL_MESSAGE });
      return;
    }
    if (request.nodeId === 'slow') {
      return; // never answers: only a deadline ends this call
    }
    callback(null, {
      hubId: HUB_ID,
      hubWallMs: HUB_WALL_MS.toString(),
      clockOffsetMs: (HUB_WALL_MS - BigInt(request.nodeWallMs)).toString(),
      ackedOriginSeq: '41',
      hubLogHead: '1000',
      maxBatchEntries: 500,
      maxMessageBytes: 4 * 1024 * 1024,
    });
  },

  push(call, callback) {
    const seqs = call.request.entries.map((e) => BigInt(e.originSeq));
    const acked = seqs.reduce((a, b) => (b > a ? b : a), 0n);
    callback(null, { ackedOriginSeq: acked.toString(), applied: seqs.length, duplicates: 0, conflicts: 0 });
  },

  pull(call) {
    const request = call.request;
    const count = request.maxEntries > 0 ? request.maxEntries : 3;
    const after = BigInt(request.afterCursor);
    for (let i = 1; i <= count; i++) {
      const seq = (after + BigInt(i)).toString();
      call.write({
        entries: [{ hubSeq: seq, change: { originNode: 'hub', originSeq: seq, recordId: `rec-${seq}`, recordType: 'dossier', scope: 'global' } }],
        cursor: seq,
        more: i < count,
      });
    }
    call.end();
  },

  uploadAttachment(call, callback) {
    const parts = [];
    let claimed;
    let totalSize = 0;
    call.on('data', (chunk) => {
      if (claimed === undefined) {
        claimed = chunk.sha256;
      }
      totalSize = Number(chunk.totalSize);
      parts.push(chunk.data);
    });
    call.on('error', () => {});
    call.on('end', () => {
      const data = Buffer.concat(parts);
      const actual = crypto.createHash('sha256').update(data).digest('hex');
      const complete = claimed === actual && data.length === totalSize;
      attachments.set(claimed || '', { sha256: claimed || '', receivedBytes: String(data.length), complete });
      callback(null, { sha256: actual, receivedBytes: String(data.length), complete });
    });
  },

  queryAttachment(call, callback) {
    callback(null, attachments.get(call.request.sha256) || { sha256: call.request.sha256, receivedBytes: '0', complete: false });
  },
};

const server = new grpc.Server({ 'grpc.default_compression_algorithm': 2 });
server.addService(loadSync().Sync.service, service);
const credentials = certPath && keyPath
  ? grpc.ServerCredentials.createSsl(null, [{ private_key: fs.readFileSync(keyPath), cert_chain: fs.readFileSync(certPath) }], false)
  : grpc.ServerCredentials.createInsecure();

server.bindAsync('127.0.0.1:0', credentials, (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  process.stdout.write(`${port}\n`);
});

process.stdin.resume();
process.stdin.on('end', () => server.tryShutdown(() => process.exit(0)));
