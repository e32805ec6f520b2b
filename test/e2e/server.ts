import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `npm start`'s entry point as a child process and waits for /api/health. */
export async function startServer(env: Record<string, string | undefined>, port: number, timeoutMs = 240_000) {
  const child: ChildProcess = spawn('npx', ['tsx', 'server/src/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), SKIP_CONSOLE_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return { base, child, output: () => output, stop: () => stopServer(child) };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output}`);
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([done, new Promise((r) => setTimeout(r, 20_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
