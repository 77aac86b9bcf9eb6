// The child side of `CommandRunner` (command-runner.ts): a small Node process that starts short commands
// (ffprobe) for a busy parent. Starting a process from a big parent costs it milliseconds of blocked event loop
// per fork; from this small process it costs the parent nothing. Plain JavaScript, so it starts without a compiler.
import { spawn } from 'node:child_process';

process.on('message', (request) => {
  const { id, command, args, timeoutMs } = request;
  const out = [];
  const err = [];
  let child;
  try {
    child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    process.send({ id, error: String(error && error.message ? error.message : error) });
    return;
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  child.stdout.on('data', (b) => out.push(b));
  child.stderr.on('data', (b) => err.push(b));
  child.once('error', (error) => {
    clearTimeout(timer);
    process.send({ id, error: error.message });
  });
  child.once('close', (code) => {
    clearTimeout(timer);
    process.send({ id, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
  });
});

// The parent went away: nothing is left to do.
process.on('disconnect', () => process.exit(0));
