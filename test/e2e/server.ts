import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `npm start`'s entry point as a child process and waits for /api/health. */
export async function startServer(env: Record<string, string | undefined>, port: number, timeoutMs = 240_000) {
  // tsx itself (not through npx) in its own process group, so stopping it stops the server
  // and its embedded PostgreSQL, whatever wrappers sit in between.
  const child: ChildProcess = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bin/start.ts'], {
    env: { ...process.env, ...env, PORT: String(port), SKIP_CONSOLE_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
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
  killGroup(child, 'SIGKILL');
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${output}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  await Promise.race([done, new Promise((r) => setTimeout(r, 20_000))]);
  if (child.exitCode === null) killGroup(child, 'SIGKILL');
}
