// What a key press asks for: a state change, or work the session does (engine calls, files, the terminal).
import type {AppAction} from '../core/app.js';
import type {ContainerOp} from '../core/model.js';
import type {ExecRequest} from '../details/exec.js';
import type {ResourceRequest} from '../resources/resource-dialogs.js';
import type {MakeRequest} from '../make/make-request.js';
import type {SwarmOp} from '../swarm/swarm-types.js';

/** What the swarm panes ask of the session: an action on the swarm. */
export type SwarmRequest = {readonly kind: 'op'; readonly op: SwarmOp};

export type Effect =
	| {readonly type: 'dispatch'; readonly action: AppAction}
	| {readonly type: 'run'; readonly op: ContainerOp}
	| {readonly type: 'resource'; readonly request: ResourceRequest}
	/** Make something: run a container, build, commit, tag, copy… (make-request.ts). */
	| {readonly type: 'make'; readonly request: MakeRequest}
	/** Hand the terminal to a process in a container (unmount, run it, render again). */
	| {readonly type: 'exec'; readonly request: ExecRequest}
	/** Write the logs pane's buffered lines to a file. */
	| {readonly type: 'saveLogs'; readonly path: string}
	/** Read the lines a gap row of the logs pane stands for from the engine, into its place. */
	| {readonly type: 'fetchLogGap'; readonly seq: number}
	/** Read the docker contexts and open the dialog listing them (contexts.ts). */
	| {readonly type: 'contexts'}
	/** Move the whole session to another docker context's engine. */
	| {readonly type: 'switchContext'; readonly name: string}
	/** Put text on the clipboard through the terminal (OSC 52); `what` names it in the status line. */
	| {readonly type: 'copy'; readonly text: string; readonly what: string}
	/** Act on the swarm (swarm/swarm-input.ts). */
	| {readonly type: 'swarm'; readonly request: SwarmRequest}
	| {readonly type: 'quit'};

export const copy = (text: string, what: string): Effect => ({type: 'copy', text, what});

export const dispatch = (action: AppAction): Effect => ({type: 'dispatch', action});
export const say = (text: string, tone: 'info' | 'error' = 'info'): Effect => dispatch({type: 'ui/status', status: {text, tone}});
