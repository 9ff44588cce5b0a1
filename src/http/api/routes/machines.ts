/** The machines, described from their definitions: public, so anyone can see the rules. */
import { isKind, kindNames, workflows } from '../../../kinds/index.js';
import { noQuery } from '../../../schemas/queries.js';
import { AppError } from '../../../errors.js';
import { describeMachine } from '../../../machine-docs/describe.js';
import { mermaidOf } from '../../../machine-docs/mermaid.js';
import { problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

function workflowNamed(kind: string) {
  if (!isKind(kind)) throw new AppError({ code: 'NOT_FOUND', detail: `There is no machine "${kind}"; the machines are ${kindNames().join(', ')}.` });
  return workflows[kind];
}

export const machineRoutes: RouteSpec[] = [
  route({
    method: 'get',
    path: '/machines',
    summary: 'List the machines',
    tag: 'machines',
    access: 'public',
    query: noQuery,
    responses: { 200: { description: 'Each machine with its states and events', schema: { type: 'object' } }, ...problems([400]) },
    handle() {
      const items = kindNames().map((kind) => {
        const { noun, version, initial, states, events } = describeMachine(workflows[kind]);
        return { kind, noun, version, initial, states: states.map((s) => s.name), events: Object.keys(events) };
      });
      return { status: 200, body: { items, nextCursor: null } };
    },
  }),
  route({
    method: 'get',
    path: '/machines/{kind}',
    summary: 'Describe a machine',
    tag: 'machines',
    access: 'public',
    query: noQuery,
    responses: { 200: { description: 'States, transitions with guards, who may send each event, deadlines, parties', schema: { type: 'object' } }, ...problems([404]) },
    handle({ params }) {
      return { status: 200, body: describeMachine(workflowNamed(params['kind']!)) };
    },
  }),
  route({
    method: 'get',
    path: '/machines/{kind}/diagram',
    summary: 'Draw a machine',
    tag: 'machines',
    access: 'public',
    query: noQuery,
    responses: { 200: { description: 'A Mermaid stateDiagram-v2', contentType: 'text/plain' }, ...problems([404]) },
    handle({ params }) {
      return { status: 200, type: 'text', body: mermaidOf(workflowNamed(params['kind']!)) };
    },
  }),
];
