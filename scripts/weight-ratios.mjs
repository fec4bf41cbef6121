#!/usr/bin/env node
// Prints, for every call and hook in the given generated `weights.rs` files, its ref-time weight
// (at the upper bound of each component, database accesses priced as RocksDB's) and its ratio to
// `pallet_balances::transfer_keep_alive` from the reference file, measured in the same run.
//
//   node scripts/weight-ratios.mjs <balances-weights.rs> <pallet-weights.rs>...
//
// Called by scripts/benchmark.sh after a full run.
import { readFileSync } from 'node:fs';

// frame_support::weights::constants::RocksDbWeight, in picoseconds.
const READ = 25_000_000n;
const WRITE = 100_000_000n;

const int = (text) => BigInt(text.replaceAll('_', ''));

/** Every weight function of the file's `SubstrateWeight` impl, evaluated at its bounds. */
function weights(path) {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>');
  const end = text.indexOf('impl WeightInfo for ()');
  if (start < 0 || end < 0) throw new Error(`${path}: not a generated weights file`);
  const body = text.slice(start, end);
  const result = [];
  const fnRe = /((?:\t\/\/\/.*\n)*)\tfn (\w+)\(([^)]*)\) -> Weight \{\n([\s\S]*?)\n\t\}/g;
  for (const [, docs, name, , code] of body.matchAll(fnRe)) {
    const max = {};
    for (const [, c, , hi] of docs.matchAll(/component `(\w+)` is `\[(\d+), (\d+)\]`/g)) {
      max[c] = BigInt(hi);
    }
    const at = (component) => (component ? max[component] ?? 0n : 1n);
    let ref = 0n;
    for (const [, value, , component] of code.matchAll(
      /Weight::from_parts\(([\d_]+), [\d_]+\)(\.saturating_mul\((\w+)\.into\(\)\))?/g,
    )) {
      ref += int(value) * at(component);
    }
    for (const [, kind, value, component] of code.matchAll(
      /(reads|writes)\(\(?([\d_]+)_u64\)?(?:\.saturating_mul\((\w+)\.into\(\)\))?\)/g,
    )) {
      ref += int(value) * at(component) * (kind === 'reads' ? READ : WRITE);
    }
    const bounds = Object.entries(max).map(([c, v]) => `${c}=${v}`).join(', ');
    result.push({ name: bounds ? `${name}(${bounds})` : name, ref });
  }
  return result;
}

const [reference, ...files] = process.argv.slice(2);
const transfer = weights(reference).find((w) => w.name === 'transfer_keep_alive');
if (!transfer) throw new Error(`${reference}: no transfer_keep_alive`);
console.log(`pallet_balances::transfer_keep_alive: ${transfer.ref} ps (1.00)`);
for (const file of files) {
  const pallet = readFileSync(file, 'utf8').match(/Weights for `(\w+)`/)?.[1] ?? file;
  for (const w of weights(file)) {
    const ratio = Number((w.ref * 100n) / transfer.ref) / 100;
    console.log(`${pallet}::${w.name}: ${w.ref} ps (${ratio.toFixed(2)})`);
  }
}
