import {Box, Text, useApp, useInput, useStdin} from 'ink';
import {useCallback, useEffect} from 'react';
import {useAppState} from '../hooks/use-app-state.js';
import {useClock} from '../hooks/use-clock.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {selection, visibleRows} from '../state/core/app.js';
import {countContainers} from '../state/containers/containers.js';
import {routeKey} from '../state/input/input.js';
import type {Binding, Scope} from '../state/input/keymap.js';
import {keyPresses} from '../state/input/keys.js';
import {nextChangeAt} from '../state/containers/status.js';
import type {Session} from '../session/session.js';
import {ConfirmDialog, confirmDialogHeight} from './ConfirmDialog.js';
import {ContainerList} from './ContainerList.js';
import {ContextList} from './ContextList.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {LineInput} from './LineInput.js';
import {Panel} from './Panel.js';
import {StatusLine} from './StatusLine.js';
import {TooSmall} from './TooSmall.js';
import {isResourceDialog} from '../state/resources/resource-dialogs.js';
import {resourceFooter} from '../state/resources/resource-input.js';
import {PaneTabs} from './PaneTabs.js';
import {ResourceDialogView} from './ResourceDialogView.js';
import {ResourceList} from './ResourceList.js';
import {ResourceTitle} from './ResourceTitle.js';

export const minColumns = 60;
export const minRows = 12;

type Props = {
	readonly session: Session;
};

/** The dashboard: header, containers pane, dialogs, status line and footer, with one key router. */
export function App({session}: Props) {
	const state = useAppState(session.store);
	const {columns, rows} = useTerminalSize();
	const {exit} = useApp();
	const {isRawModeSupported, setRawMode, stdin} = useStdin();

	// Seen once under heavy load after a burst of resizes: the terminal was back in cooked mode while the
	// dashboard was up, so no key reached it. Take raw mode back (through Ink, so it reads keys again).
	useEffect(() => {
		if (isRawModeSupported && stdin.isTTY && !stdin.isRaw) setRawMode(true);
	}, [columns, rows, isRawModeSupported, setRawMode, stdin]);

	useInput(
		(input, key) => {
			for (const press of keyPresses(input, key)) {
				for (const effect of routeKey(session.store.getState(), press, session.keys, Date.now())) {
					if (effect.type === 'quit') exit();
					else if (effect.type === 'dispatch') session.store.dispatch(effect.action);
					else if (effect.type === 'run') void session.runOp(effect.op);
					else if (effect.type === 'resource') void session.resources.run(effect.request);
					else if (effect.type === 'saveLogs') void session.logs.save(effect.path);
					else if (effect.type === 'contexts') session.contexts.open();
					else if (effect.type === 'switchContext') void session.contexts.switchTo(effect.name);
					else if (effect.type === 'exec') {
						// Unmounting releases stdin and raw mode; run.tsx runs the process and renders again.
						session.requestExec(effect.request);
						exit();
						return;
					}
				}
			}
		},
		{isActive: isRawModeSupported === true},
	);

	const visible = visibleRows(state);
	const {index} = selection(state);
	const {dialog} = state.ui;
	const disconnected = state.engine.connection === 'disconnected';
	// Ink redraws the whole screen when a frame is as tall as the terminal, so leave the last line free.
	const height = rows - 1;
	const dialogHeight = dialog?.kind === 'confirm' ? confirmDialogHeight(dialog, columns) : 0;
	// Header, pane title, the list's column titles, status line and footer take one line each.
	const bodyHeight = Math.max(1, height - 5 - (disconnected ? 1 : 0) - dialogHeight);
	// With a panel open the list keeps a third of the body (at least 3 rows), unless the panel is zoomed.
	const panelOpen = state.ui.panel !== 'none';
	const panelHeight = !panelOpen
		? 0
		: state.ui.zoomed
			? bodyHeight + 1
			: Math.max(3, bodyHeight - Math.max(3, Math.floor(bodyHeight / 3)) - 1);
	const listHeight = panelOpen ? Math.max(1, bodyHeight - panelHeight - 1) : bodyHeight;

	useEffect(() => {
		session.store.dispatch({type: 'ui/viewport', pageSize: listHeight});
	}, [listHeight, session]);

	const nextChange = useCallback(
		(now: number) => {
			const {selectedIndex} = state.ui;
			const window = visible.slice(Math.max(0, selectedIndex - listHeight), selectedIndex + listHeight);
			return Math.min(Number.POSITIVE_INFINITY, ...window.map((container) => nextChangeAt(container, now)));
		},
		[visible, listHeight, state.ui],
	);
	const now = useClock(nextChange);

	if (columns < minColumns || rows < minRows) {
		return <TooSmall columns={columns} rows={rows} minColumns={minColumns} minRows={minRows} keys={session.keys} />;
	}

	const scope: Scope =
		dialog?.kind === 'confirm'
			? 'confirm'
			: dialog?.kind === 'rename' ||
				  dialog?.kind === 'exec' ||
				  state.ui.filtering ||
				  (state.ui.panel === 'logs' && state.logs.prompt)
				? 'prompt'
				: state.ui.panel === 'details'
					? 'details'
					: state.ui.panel === 'logs' && state.logs.focused
						? 'logs'
						: 'containers';
	const footer: readonly Binding[] = session.keys.bindings.filter((binding) =>
		scope === 'containers'
			? binding.footer
			: scope === 'details' || scope === 'logs'
				? binding.footer && (binding.scope === scope || binding.command === 'help' || binding.command === 'quit')
				: binding.scope === scope,
	);
	const sortText = `sort: ${state.ui.sort.key} ${state.ui.sort.descending ? '↓' : '↑'}`;

	return (
		<Box flexDirection="column" width={columns} height={height}>
			<Header engine={state.engine} counts={countContainers(state.containers)} />
			{disconnected ? (
				<Text backgroundColor="red" color="white" wrap="truncate-end">
					{` Disconnected from ${state.engine.endpoint} (${state.engine.error ?? 'no answer'}) — retrying… `}
				</Text>
			) : null}
			<Box>
				{state.ui.pane !== 'containers' ? (
					<ResourceTitle state={state} pane={state.ui.pane} keys={session.keys} />
				) : state.ui.filtering ? (
					<LineInput label="Filter: " editor={state.ui.filter} hint="Enter keeps it · Esc clears it" />
				) : (
					<Text wrap="truncate-end">
						<PaneTabs pane="containers" keys={session.keys} />
						<Text dimColor>
							{' '}
							({visible.length}
							{visible.length === Object.keys(state.containers.byId).length
								? ''
								: ` of ${Object.keys(state.containers.byId).length}`}
							){' · '}
							{sortText}
						</Text>
						{state.ui.filter.value ? <Text color="cyan"> · filter: {state.ui.filter.value}</Text> : null}
						{state.ui.marked.length > 0 ? <Text color="yellow"> · {state.ui.marked.length} marked</Text> : null}
					</Text>
				)}
			</Box>
			{dialog?.kind === 'help' ? (
				<HelpOverlay
					bindings={session.keys.bindings}
					keys={session.keys}
					offset={dialog.offset}
					height={bodyHeight + 1 + dialogHeight}
					width={columns}
				/>
			) : dialog?.kind === 'contexts' ? (
				<ContextList dialog={dialog} keys={session.keys} height={bodyHeight + 1 + dialogHeight} width={columns} />
			) : isResourceDialog(dialog) ? (
				<ResourceDialogView
					dialog={dialog}
					keys={session.keys}
					height={bodyHeight + 1}
					width={columns}
					scope={state.engine.scope}
				/>
			) : (
				<>
					{panelOpen && state.ui.zoomed ? null : state.ui.pane !== 'containers' ? (
						<ResourceList
							pane={state.ui.pane}
							resources={state.resources}
							height={listHeight + 1}
							width={columns}
							now={now}
							keys={session.keys}
						/>
					) : (
						<ContainerList
							rows={visible}
							selectedIndex={index}
							height={listHeight}
							width={columns}
							now={now}
							loaded={state.containers.loaded}
							filtered={state.ui.filter.value !== ''}
							keys={session.keys}
						/>
					)}
					{panelOpen ? <Panel state={state} session={session} height={panelHeight} width={columns} /> : null}
				</>
			)}
			{dialog?.kind === 'confirm' ? <ConfirmDialog dialog={dialog} keys={session.keys} /> : null}
			<Box flexGrow={1} />
			{dialog?.kind === 'rename' ? (
				<LineInput label={`Rename ${dialog.name} to: `} editor={dialog.editor} hint="Enter applies · Esc cancels" />
			) : dialog?.kind === 'exec' ? (
				<LineInput label={`Run in ${dialog.name}: `} editor={dialog.editor} hint="Enter runs it · Esc cancels" />
			) : (
				<StatusLine status={state.ui.status} />
			)}
			<Footer
				bindings={resourceFooter(state, session.keys.bindings) ?? footer.filter((binding) => binding.scope !== 'resources')}
				width={columns}
			/>
		</Box>
	);
}
