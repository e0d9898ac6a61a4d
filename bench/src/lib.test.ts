import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cpuMilliseconds } from './lib.js';

describe('cpuMilliseconds', () => {
  it('reads the CPU time a process, or every process of its group, has used from /proc', async () => {
    // A child that burns 300 ms of CPU, says so, then idles: its own process group (detached).
    const script = "while (process.cpuUsage().user < 300000); process.stdout.write('spent\\n'); setTimeout(() => {}, 60000);";
    const child = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await once(child.stdout, 'data');
      const pid = child.pid ?? -1;
      const own = cpuMilliseconds({ pids: [pid] }) ?? 0;
      expect(own).toBeGreaterThanOrEqual(300);
      // The group holds the child alone (idle by now); an unknown process counts nothing.
      const group = cpuMilliseconds({ groups: [pid] }) ?? 0;
      expect(group).toBeGreaterThanOrEqual(own);
      expect(group).toBeLessThan(own + 50);
      expect(cpuMilliseconds({ pids: [2 ** 22 + 1] })).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
