/**
 * Runs the benchmarks (all, or those named on the command line), prints their JSON lines and
 * writes a markdown summary to bench/results/.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createContext, type Benchmark, type BenchLine } from './lib.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.resolve(here, '..', 'results');

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const files = readdirSync(here)
    .filter((file) => file.endsWith('.bench.js'))
    .sort();
  const benchmarks: Benchmark[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(here, file)).href)) as { default: Benchmark };
    if (wanted.length === 0 || wanted.includes(module.default.name)) benchmarks.push(module.default);
  }
  if (benchmarks.length === 0) {
    console.error(`No benchmark named ${wanted.join(', ')}; available: ${files.map((f) => f.replace('.bench.js', '')).join(', ')}`);
    process.exit(2);
  }
  const lines: BenchLine[] = [];
  let failed = false;
  for (const benchmark of benchmarks) {
    const context = createContext(benchmark.name, lines);
    try {
      await benchmark.run(context);
    } catch (error) {
      failed = true;
      console.error(`benchmark ${benchmark.name} failed:`, error);
    } finally {
      await context.close();
    }
  }
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `${stamp}.md`);
  writeFileSync(file, summary(lines));
  console.error(`summary written to ${path.relative(process.cwd(), file)}`);
  if (failed) process.exit(1);
}

function summary(lines: BenchLine[]): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const header = [
    `# Benchmark results, ${new Date().toISOString()}`,
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, database ${process.env.MONGODB_URI ? 'MONGODB_URI' : 'launcher default'}.`,
    '',
    '| bench | case | metric | value | unit | baseline | ratio | target | met | note |',
    '| --- | --- | --- | ---: | --- | ---: | ---: | --- | --- | --- |',
  ];
  const rows = lines.map((line) =>
    `| ${line.bench} | ${line.case} | ${line.metric} | ${line.value} | ${line.unit} | ${line.baseline ?? ''} | ${line.ratio ?? ''} | ${line.target ?? ''} | ${line.met === undefined ? '' : line.met ? 'yes' : '**no**'} | ${line.note ?? ''} |`,
  );
  return `${[...header, ...rows].join('\n')}\n`;
}

await main();
