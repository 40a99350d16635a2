import { User } from "../../src/modules/access/user.entity";
import type { RunningServer } from "../../src/server";

/** An Authorization header for a user of the running server (by default the demo data manager). */
export async function bearer(server: RunningServer, username = "demo-data-manager"): Promise<{ authorization: string }> {
  const user = await server.app.dataSource.manager.findOneByOrFail(User, { username });
  return { authorization: `Bearer ${await server.app.issueToken(user.id)}` };
}
