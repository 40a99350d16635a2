import "reflect-metadata";
import { hostname, userInfo } from "node:os";
import { Command } from "commander";
import { loadConfig } from "./config";
import { openDatabase } from "./db/data-source";
import { createUser, grantRole, revokeRole, setActive, setPassword } from "./modules/access/accounts";
import { jwtSecret } from "./modules/access/jwt-secret";
import { unlockAccount } from "./modules/access/lockout";
import { Role } from "./modules/access/role";
import { RoleAssignment } from "./modules/access/role-assignment.entity";
import { issueToken } from "./modules/access/tokens";
import { User } from "./modules/access/user.entity";
import type { AuditActor } from "./modules/audit/audit-writer";
import { parseCheckpoint, verifyAuditChain } from "./modules/audit/audit-chain";
import { resolveAuditKey } from "./modules/audit/audit-key";
import { InvalidInputError } from "./errors";
import { generateCommand } from "./demo/generate-command";
import { assessmentsCommand } from "./modules/assessments/rescore-command";

/*
 * Administration from the machine that holds the database (the same DATABASE_URL / BASKETQL_SQLITE_PATH
 * as the server): accounts, roles, bearer tokens, and audit trail checks.
 */

async function withDatabase<T>(work: (manager: import("typeorm").EntityManager) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const dataSource = await openDatabase({ url: config.databaseUrl, migrationUrl: config.migrationUrl, sqlitePath: config.sqlitePath, auditKey: resolveAuditKey(config) });
  try {
    return await dataSource.transaction(work);
  } finally {
    await dataSource.destroy();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

const program = new Command("basketql").description("basketql administration: users, roles and tokens");

/** Who ran the command, for the audit trail: the operating-system account on the database's machine. */
const commandLine: AuditActor = { actorId: null, actorUsername: `${userInfo().username}@${hostname()}`, actorRoles: "COMMAND_LINE" };

const user = program.command("user").description("manage user accounts (every change is audited)");
user
  .command("create <username>")
  .description("create a user (without a password unless --password-stdin is given)")
  .requiredOption("--name <displayName>", "printed name, used in signatures and the audit trail")
  .option("--password-stdin", "read the password from standard input")
  .action(async (username: string, options: { name: string; passwordStdin?: boolean }) => {
    const password = options.passwordStdin ? await readStdin() : undefined;
    await withDatabase((manager) => createUser(manager, commandLine, { username, displayName: options.name, password }));
    console.log(`Created user ${username}.`);
  });
user
  .command("password <username>")
  .description("set a user's password, read from standard input")
  .action(async (username: string) => {
    const password = await readStdin();
    await withDatabase((manager) => setPassword(manager, commandLine, username, password));
    console.log(`Password of ${username} set.`);
  });
user
  .command("grant <username> <role>")
  .description(`give a role (${Object.values(Role).join(", ")})`)
  .option("--study <code>", "study code (default: the only study)")
  .option("--site <code>", "site code, for INVESTIGATOR, COORDINATOR and MONITOR")
  .option("--expires <date>", "last valid day, YYYY-MM-DD")
  .option("--reason <text>", "why, for the audit trail")
  .action(async (username: string, role: string, options: { study?: string; site?: string; expires?: string; reason?: string }) => {
    const target = { username, role: role.toUpperCase() as Role, studyCode: options.study, siteCode: options.site };
    await withDatabase((manager) => grantRole(manager, commandLine, { ...target, expiresOn: options.expires }, options.reason ?? null));
    console.log(`Granted ${target.role}${options.site ? ` at site ${options.site}` : ""} to ${username}.`);
  });
user
  .command("revoke <username> <role>")
  .description("take a role away (its assignments at that study and site)")
  .option("--study <code>", "study code (default: the only study)")
  .option("--site <code>", "site code, for INVESTIGATOR, COORDINATOR and MONITOR")
  .option("--reason <text>", "why, for the audit trail")
  .action(async (username: string, role: string, options: { study?: string; site?: string; reason?: string }) => {
    const target = { username, role: role.toUpperCase() as Role, studyCode: options.study, siteCode: options.site };
    await withDatabase((manager) => revokeRole(manager, commandLine, target, options.reason ?? null));
    console.log(`Revoked ${target.role}${options.site ? ` at site ${options.site}` : ""} from ${username}.`);
  });
for (const [command, active] of [["deactivate", false], ["activate", true]] as const) {
  user
    .command(`${command} <username>`)
    .description(active ? "let a deactivated user sign in again" : "stop a user from signing in (their tokens stop working; nothing is deleted)")
    .option("--reason <text>", "why, for the audit trail")
    .action(async (username: string, options: { reason?: string }) => {
      await withDatabase((manager) => setActive(manager, commandLine, username, active, options.reason ?? null));
      console.log(`${active ? "Activated" : "Deactivated"} ${username}.`);
    });
}
user
  .command("unlock <username>")
  .description("unlock an account locked after too many failed password attempts (its earlier tokens stay revoked)")
  .requiredOption("--reason <text>", "why, for the audit trail")
  .action(async (username: string, options: { reason: string }) => {
    await withDatabase((manager) => unlockAccount(manager, commandLine, username, options.reason));
    console.log(`Unlocked ${username}.`);
  });
user
  .command("list")
  .description("list users and their roles")
  .action(async () => {
    const rows = await withDatabase(async (manager) => {
      const users = await manager.find(User, { order: { username: "ASC" } });
      const roles = await manager.find(RoleAssignment, { relations: { site: true } });
      const state = (u: User) => (!u.active ? "\t(inactive)" : u.lockedAt ? `\t(locked since ${u.lockedAt})` : "");
      return users.map((u) => `${u.username}\t${u.displayName}\t${roles.filter((r) => r.userId === u.id).map((r) => r.role + (r.site ? `@${r.site.code}` : "")).join(", ")}${state(u)}`);
    });
    console.log(rows.join("\n"));
  });

program
  .command("token <username>")
  .description("print a bearer token for a user (send it as `Authorization: Bearer <token>`)")
  .action(async (username: string) => {
    const config = loadConfig();
    const found = await withDatabase((manager) => manager.findOneBy(User, { username, active: true }));
    if (!found) throw new InvalidInputError([{ field: "username", message: `${username} is not an active user` }]);
    console.log(await issueToken(jwtSecret(config), found.id, config.tokenHours));
  });

program
  .command("migrate")
  .description("apply pending migrations: run with DATABASE_URL (or DATABASE_MIGRATION_URL) naming the schema's owner; with both, the role of DATABASE_URL is then granted what the service needs")
  .action(async () => {
    await withDatabase(async () => undefined);
    console.log("The database schema is up to date.");
  });

const audit = program.command("audit").description("check the audit trail's keyed hash chain (needs the same BASKETQL_AUDIT_KEY as the server)");
audit
  .command("checkpoint")
  .description("verify the chain and print a checkpoint of its head: keep it outside the database, and check it later with `audit verify --checkpoint`")
  .action(async () => {
    const result = await withDatabase((manager) => verifyAuditChain(manager));
    if (!result.valid) {
      console.error(`Audit trail NOT valid: ${result.problem}`);
      process.exit(1);
    }
    console.log(result.checkpoint);
  });
audit
  .command("verify")
  .description("recompute the whole chain; with --checkpoint, also check it still holds that head (exit status 1 when not valid)")
  .option("--checkpoint <value>", "a checkpoint printed earlier by `audit checkpoint`")
  .action(async (options: { checkpoint?: string }) => {
    const checkpoint = options.checkpoint === undefined ? undefined : parseCheckpoint(options.checkpoint);
    if (checkpoint === null) throw new InvalidInputError([{ field: "checkpoint", message: "--checkpoint is not an audit checkpoint (audit-checkpoint/1/<rows>/<head id>/<head hash>)" }]);
    const result = await withDatabase((manager) => verifyAuditChain(manager, { checkpoint }));
    if (!result.valid) {
      console.error(`Audit trail NOT valid: ${result.problem} (${result.checked} records checked)`);
      process.exit(1);
    }
    console.log(`Audit trail valid: ${result.checked} records (${result.unkeyedRows} unkeyed, from before the audit key)${checkpoint ? ", the checkpoint's head included" : ""}.`);
    console.log(`Checkpoint: ${result.checkpoint}`);
  });

program.addCommand(generateCommand());
program.addCommand(assessmentsCommand(commandLine.actorUsername));

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
