import { spawn } from 'node:child_process';

/** Result of one shell script run. @internal */
export interface ScriptResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout and stderr interleaved, in arrival order. */
  readonly output: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

/**
 * Runs `bash script ...args` and collects its output. Never rejects on a non-zero exit: the caller
 * decides what a failure means. The servers the start scripts launch redirect their own stdio to log
 * files (`nohup … >> log 2>&1 < /dev/null &`), so the pipes close when the script exits.
 * @internal
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<ScriptResult> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn('bash', [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      // keep memory bounded for chatty installs; only the tail matters in an error message
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (err) => {
      output += `\n${String(err)}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, timedOut, ms: performance.now() - t0 });
    });
  });
}

/** Last `lines` lines of `text`. @internal */
export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
