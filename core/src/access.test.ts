import mongoose, { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { access, unscoped } from './access.js';
import { createModels } from './models/index.js';
import { RequestScope, Scope, scoped } from './scope.js';
import type { ProjectDoc } from './models/project.js';
import type { Deps } from './services/context.js';
import { projectScope } from './services/records.js';

// Models bound to a connection that never opens: these tests build queries without sending them.
const deps: Deps = { models: createModels(mongoose.createConnection()), blobs: undefined as never };

describe('scoped access by type', () => {
  it('does not let a service reach an owned collection without a scope', () => {
    // @ts-expect-error records are not among the models a service is given
    expect(deps.models.Record).toBeDefined();
    // @ts-expect-error every read takes a scope first
    expect(() => access(deps).records.find({ label: 'x' })).toThrow();
    // @ts-expect-error a request scope does not open records, nor a record scope requests
    expect(access(deps).records.find(RequestScope.sentBy(new Types.ObjectId())).getFilter()).toBeDefined();
    expect(deps.models.User).toBeDefined();
  });

  it('puts the scope into every query it builds', () => {
    const alice = new Types.ObjectId();
    const project = new Types.ObjectId();
    const { records, projects, requests } = access(deps);
    expect(records.find(Scope.owner(alice), { project }).getFilter()).toEqual({ project, owner: alice });
    expect(projects.find(Scope.visibleTo(alice), { name: 'x' }).getFilter()).toEqual({ name: 'x', $or: [{ owner: alice }, { private: false }] });
    expect(projects.find(Scope.visibleTo(null)).getFilter()).toEqual({ private: false });
    expect(requests.find(RequestScope.addressedTo(alice), { status: 'proposed' }).getFilter()).toEqual({ status: 'proposed', targetOwner: alice });
  });

  it('keeps a filter that already names the scope\'s project exactly as it was, and never lets a filter overwrite a scope', () => {
    const project = new Types.ObjectId();
    const alice = new Types.ObjectId();
    expect(scoped(Scope.within({ _id: project }), { project: new Types.ObjectId(project.toHexString()), label: 'a' })).toEqual({ project, label: 'a' });
    expect(scoped(Scope.owner(alice), { owner: new Types.ObjectId() })).toEqual({ $and: [{ owner: alice }, { owner: expect.any(Types.ObjectId) }] });
    const q = { $or: [{ name: /x/ }] };
    expect(scoped(Scope.visibleTo(alice), q)).toEqual({ $and: [{ $or: [{ owner: alice }, { private: false }] }, q] });
  });

  it("refuses to create a document in someone else's name, before writing anything", async () => {
    const alice = new Types.ObjectId();
    const bob = new Types.ObjectId();
    await expect(access(deps).projects.create(Scope.owner(alice), { owner: bob, name: 'p' })).rejects.toThrow(/only in its owner's scope/);
    await expect(access(deps).projects.create(Scope.visibleTo(alice), { owner: alice, name: 'p' })).rejects.toThrow(/only in its owner's scope/);
    await expect(access(deps).requests.create(RequestScope.addressedTo(alice), { sender: alice })).rejects.toThrow(/only in its sender's scope/);
  });

  it('restricts each collection to what a reviewer link reaches, and creates nothing through it', async () => {
    const owner = new Types.ObjectId();
    const project = new Types.ObjectId();
    const record = new Types.ObjectId();
    const container = new Types.ObjectId();
    const { projects, records, containers } = access(deps);
    const wholeProject = Scope.viaLink({ owner, project, record: null, container: null });
    expect(projects.find(wholeProject).getFilter()).toEqual({ _id: project, owner });
    expect(records.find(wholeProject, { label: 'a' }).getFilter()).toEqual({ label: 'a', project });
    expect(containers.find(wholeProject).getFilter()).toEqual({ project });
    const oneRecord = Scope.viaLink({ owner, project, record, container });
    expect(records.find(oneRecord, { project }).getFilter()).toEqual({ project, _id: record });
    expect(containers.find(oneRecord).getFilter()).toEqual({ project, _id: container });
    // A record that ran in no container reaches none; a filter cannot widen the scope.
    expect(containers.find(Scope.viaLink({ owner, project, record, container: null })).getFilter()).toEqual({ _id: { $in: [] } });
    expect(records.find(oneRecord, { _id: new Types.ObjectId() }).getFilter()).toEqual({ $and: [{ project, _id: record }, { _id: expect.any(Types.ObjectId) }] });
    await expect(projects.create(wholeProject, { owner, name: 'p' })).rejects.toThrow(/only in its owner's scope/);
  });

  it("reads a project's records by the project alone for its owner and by their visibility for anyone else", () => {
    const owner = new Types.ObjectId();
    const project = { _id: new Types.ObjectId(), owner } as ProjectDoc;
    const { records } = access(deps);
    // One equality: with the owner's too, an engine without statistics may walk all the owner's records.
    expect(records.find(projectScope({ id: owner, name: 'Owner' }, project), { project: project._id }).getFilter()).toEqual({ project: project._id });
    expect(records.find(projectScope({ id: new Types.ObjectId(), name: 'Other' }, project), { project: project._id }).getFilter()).toEqual({ project: project._id, private: false });
    expect(records.find(projectScope(null, project), { project: project._id }).getFilter()).toEqual({ project: project._id, private: false });
  });

  it('gives the raw models only with a reason', () => {
    expect(() => unscoped(deps, ' ')).toThrow(/reason/);
    expect(unscoped(deps, 'a test of unscoped').Record.modelName).toBe('Record');
  });
});
