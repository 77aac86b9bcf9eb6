import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { RunResult } from './ffmpeg';

export type RunCommand = (command: string, args: string[], timeoutMs?: number) => Promise<RunResult>;

type Pending = { owner: ChildProcess; resolve: (result: RunResult) => void; reject: (error: Error) => void };
type Reply = { id: number; error?: string } & Partial<RunResult>;

const CHILD_SCRIPT = path.join(__dirname, 'command-runner-child.mjs');

/**
 * Runs short commands (ffprobe) from a small helper process instead of the calling one. Every `spawn` forks the
 * caller, which blocks its event loop for a time that grows with its memory (≈14 ms per ffprobe in the API under
 * 200 uploads); the helper is small, so the API keeps answering. The helper is started on first use and again
 * after it died; a request that was running when it died is rejected, so the caller can report or retry.
 */
export class CommandRunner {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private running = 0;
  private readonly queue: (() => void)[] = [];

  /** `maxRunning` commands at a time, so a burst of uploads cannot take every core from the server. */
  constructor(private readonly maxRunning = 2) {}

  readonly run: RunCommand = async (command, args, timeoutMs = 60_000) => {
    if (this.running >= this.maxRunning) await new Promise<void>((go) => this.queue.push(go));
    this.running++;
    try {
      return await this.send(command, args, timeoutMs);
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  };

  private send(command: string, args: string[], timeoutMs: number): Promise<RunResult> {
    return new Promise<RunResult>((resolve, reject) => {
      const id = this.nextId++;
      const owner = this.helper();
      this.pending.set(id, { owner, resolve, reject });
      owner.channel?.ref(); // keep a short-lived caller (a CLI) alive until the answer is in
      owner.send({ id, command, args, timeoutMs }, (error) => {
        if (error) this.settle(id)?.reject(error);
      });
    });
  }

  /** Stops the helper; requests still running are rejected. */
  close(): void {
    this.child?.kill();
    this.child = null;
  }

  private helper(): ChildProcess {
    if (this.child?.connected) return this.child;
    const child = fork(CHILD_SCRIPT, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
    child.on('message', (reply: Reply) => {
      const waiting = this.settle(reply.id);
      if (!waiting) return;
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve({ code: reply.code ?? null, stdout: reply.stdout ?? '', stderr: reply.stderr ?? '' });
    });
    child.once('exit', () => {
      if (this.child === child) this.child = null;
      for (const [id, waiting] of this.pending) {
        if (waiting.owner === child) this.settle(id)?.reject(new Error('the command helper process stopped'));
      }
    });
    // An idle helper never keeps the parent alive.
    child.unref();
    child.channel?.unref();
    this.child = child;
    return child;
  }

  /** Takes a request off the list; when its helper has nothing left to do, it stops holding the parent open. */
  private settle(id: number): Pending | undefined {
    const waiting = this.pending.get(id);
    if (!waiting) return undefined;
    this.pending.delete(id);
    if (![...this.pending.values()].some((p) => p.owner === waiting.owner)) waiting.owner.channel?.unref();
    return waiting;
  }
}
