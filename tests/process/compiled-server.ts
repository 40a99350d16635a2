import { execFile, spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

/*
 * The compiled server and command line run as an operator runs them (`node dist/src/main.js`), each in a
 * child process with the environment a test gives it and the usual umask 022, so that file modes on disk
 * are what a deployment gets.
 */

const ROOT = resolve(__dirname, "../..");

/** Compiles src/main.ts and src/cli.ts into `buildDir`; answers the paths of the two scripts. */
export async function compileServer(buildDir: string): Promise<{ main: string; cli: string }> {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  await promisify(execFile)(process.execPath, [tsc, "-p", join(ROOT, "tests/process/server.tsconfig.json"), "--outDir", buildDir, "--noCheck"], { cwd: ROOT });
  return { main: join(buildDir, "src/main.js"), cli: join(buildDir, "src/cli.js") };
}

export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Resolves with the URL once the server prints that it is ready; rejects if it exits first. */
  ready: Promise<string>;
}

/** Starts `script` (with `args`) in a child process whose environment is exactly `env` plus PATH and NODE_PATH. */
export function startChild(script: string, env: Record<string, string>, args: string[] = [], cwd = ROOT): Child {
  const child = spawn("/bin/sh", ["-c", 'umask 022 && exec "$0" "$@"', process.execPath, script, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_PATH: join(ROOT, "node_modules"), ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | string>((done) => child.on("exit", (code, signal) => done(code ?? signal ?? -1)));
  const ready = new Promise<string>((done, fail) => {
    const look = () => {
      const match = /GraphQL API ready at (\S+)/.exec(stdout);
      if (match) done(match[1]);
    };
    child.stdout!.on("data", look);
    exited.then((code) => fail(new Error(`exited (${code}) before it was ready:\n${stderr}`)));
  });
  ready.catch(() => {});
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited, ready };
}

/** Runs a child to its end (killing it after `timeoutMs`, which then fails the test by its exit code). */
export async function runToEnd(script: string, env: Record<string, string>, args: string[] = [], stdin = "", timeoutMs = 20_000) {
  const child = startChild(script, env, args);
  child.process.stdin!.end(stdin);
  const timer = setTimeout(() => child.process.kill("SIGKILL"), timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}
