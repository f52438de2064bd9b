/** The signed-in staff user, as the actor the server's services check and audit (channel `web`). */
import type { StaffActor } from '@o311/server';
import type { StaffUser } from '@o311/store';

export const webActorOf = (user: StaffUser): StaffActor => ({
  kind: 'user', id: user.id, name: user.name, channel: 'web', scope: user.jurisdictions,
});
