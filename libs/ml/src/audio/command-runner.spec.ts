import { CommandRunner } from './command-runner';

describe('CommandRunner', () => {
  let runner: CommandRunner;
  beforeEach(() => (runner = new CommandRunner(2)));
  afterEach(() => runner.close());

  it('runs a command in its helper process and returns its exit code and output', async () => {
    const result = await runner.run('sh', ['-c', 'echo uit; echo fout >&2; exit 3']);
    expect(result).toEqual({ code: 3, stdout: 'uit\n', stderr: 'fout\n' });
  });

  it('never runs more than its limit at once, and runs every request', async () => {
    // Each command writes how many commands were running at its start (a lock-free count via a shared folder).
    const dir = `/tmp/vp-runner-${process.pid}-${Date.now()}`;
    const script = `mkdir -p ${dir}; touch ${dir}/$$; ls ${dir} | wc -l; sleep 0.2; rm ${dir}/$$`;
    const results = await Promise.all(Array.from({ length: 6 }, () => runner.run('sh', ['-c', script])));
    expect(results.every((r) => r.code === 0)).toBe(true);
    expect(Math.max(...results.map((r) => Number(r.stdout.trim())))).toBeLessThanOrEqual(2);
  });

  it('rejects a command that cannot start, and kills one that runs too long', async () => {
    await expect(runner.run('/bestaat/niet', [])).rejects.toThrow(/ENOENT/);
    const slow = await runner.run('sleep', ['5'], 100);
    expect(slow.code).toBeNull();
  });

  it('starts a new helper after the old one died, and rejects what was running in it', async () => {
    const running = runner.run('sleep', ['5']);
    await new Promise((r) => setTimeout(r, 200));
    const helpers = (await runner.run('sh', ['-c', 'echo $PPID'])).stdout.trim();
    process.kill(Number(helpers), 'SIGKILL');
    await expect(running).rejects.toThrow(/stopped/);
    await expect(runner.run('echo', ['weer'])).resolves.toMatchObject({ code: 0, stdout: 'weer\n' });
  });
});
