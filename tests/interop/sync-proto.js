'use strict';
// Loads protos/sync.proto the same way for client.js and server.js.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_PATH = path.join(__dirname, '..', '..', 'protos', 'sync.proto');

function loadSync() {
  const definition = protoLoader.loadSync(PROTO_PATH, {
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).onestop.sync.v1;
}

// Deterministic attachment bytes, so both sides can check the sha256 independently.
function blob(size) {
  const data = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    data[i] = (i * 31 + 7) % 251;
  }
  return data;
}

function argValue(args, name) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : undefined;
}

module.exports = { grpc, loadSync, blob, argValue };
