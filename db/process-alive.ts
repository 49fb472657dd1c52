// Whether a process on this machine still runs: how a row left "running" by a killed process is told apart.
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'; // alive, someone else's
  }
}
