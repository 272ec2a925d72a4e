// The accounts feature offers the others only what is exported here: who is asking (the actor),
// what they may do (the one policy), users, organisation memberships, API tokens, sign-in
// sessions and the pages that go with them. Everything else in this folder is private to it.

export {
  assertCanDeleteOwnAccount,
  deleteOwnAccount,
  exportOwnAccount,
  type AccountData,
} from './account-data.service.js';
export { anonymous, SESSION_SCOPES, type Actor, type Scope } from './actor.js';
export { registerAccounts } from './accounts.plugin.js';
export { registerAuth } from './auth.plugin.js';
export {
  addMemberByEmail,
  changeMemberRole,
  listMembers,
  removeMember,
  ROLES,
  type MembersOf,
} from './membership.service.js';
export {
  authorise,
  can,
  isPublisher,
  readableScope,
  type Action,
  type DatasetRef,
  type ReadableScope,
  type ShowcaseRef,
} from './policy.js';
export {
  actorForUser,
  authenticateToken,
  createToken,
  listTokens,
  revokeToken,
} from './token.service.js';
export { automaticPublisher, type AutomaticPublisher } from './automatic-publisher.js';
export {
  addMember,
  createUser,
  findUser,
  operatorActor,
  setPassword,
  userNames,
} from './user.service.js';
