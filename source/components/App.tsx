import {Box, Text, useApp, useInput, useStdin} from 'ink';
import {useCallback, useEffect, useMemo} from 'react';
import {useAppState} from '../hooks/use-app-state.js';
import {useClock} from '../hooks/use-clock.js';
import {useTerminalSize} from '../hooks/use-terminal-size.js';
import {listRows, selection, visibleRows} from '../state/core/app.js';
import {countContainers} from '../state/containers/containers.js';
import {routeKey} from '../state/input/input.js';
import {focusScopes, footerBindings} from '../state/input/focus.js';
import {hintText} from '../state/input/key-text.js';
import {minColumns, minRows, screenLayout} from '../state/core/layout.js';
import {performEffects} from '../session/effects.js';
import {keyPresses} from '../state/input/keys.js';
import {nextRowWake, relativeTexts} from '../state/containers/view.js';
import {containersNear} from '../state/containers/groups.js';
import {useTimeFormat} from '../hooks/use-time-format.js';
import {usageShown} from '../state/containers/usage.js';
import type {Session} from '../session/session.js';
import {ConfirmDialog, confirmDialogHeight} from './ConfirmDialog.js';
import {ContainerList} from './ContainerList.js';
import {ContainerTitle} from './ContainerTitle.js';
import {ContextList} from './ContextList.js';
import {ExecResultDialog} from './ExecResultDialog.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {LineInput} from './LineInput.js';
import {Panel} from './Panel.js';
import {StatusLine} from './StatusLine.js';
import {TooSmall} from './TooSmall.js';
import {isResourceDialog} from '../state/resources/resource-dialogs.js';
import {ResourceDialogView} from './ResourceDialogView.js';
import {ResourceList} from './ResourceList.js';
import {ResourceTitle} from './ResourceTitle.js';
import {FormView} from './FormView.js';
import {BuildLogView} from './BuildLogView.js';
import {EventList} from './EventList.js';
import {EventsTitle} from './EventsTitle.js';
import {engineBanners, engineColumnWidth} from '../state/core/engines.js';
import {SwarmDialogView} from './SwarmDialogView.js';
import {SwarmList} from './SwarmList.js';
import {SwarmTitle} from './SwarmTitle.js';
import {isSwarmPane} from '../state/swarm/swarm.js';
import {confirmTaskRows} from '../state/swarm/swarm-input.js';

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

	// A run with -it hands the terminal over once its container exists: unmount, as for an exec key.
	useEffect(() => session.onHandOver(() => exit()), [session, exit]);

	useInput(
		(input, key) => {
			for (const press of keyPresses(input, key)) {
				const step = performEffects(session, routeKey(session.store.getState(), press, session.keys, Date.now()));
				if (step !== 'stay') {
					exit();
					if (step === 'exec') return;
				}
			}
		},
		{isActive: isRawModeSupported === true},
	);

	const visible = visibleRows(state);
	const {index} = selection(state);
	const {dialog} = state.ui;
	const banners = engineBanners(state.engine);
	const dialogHeight = dialog?.kind === 'confirm' ? confirmDialogHeight(dialog, columns) : 0;
	const {tooSmall, height, bodyHeight, listHeight, panelHeight} = screenLayout(state, columns, rows, dialogHeight);
	const panelOpen = state.ui.panel !== 'none';

	useEffect(() => {
		session.store.dispatch({type: 'ui/viewport', pageSize: listHeight});
	}, [listHeight, session]);

	const {selectedIndex} = state.ui;
	const timeFormat = useTimeFormat();
	const list = listRows(state);
	const nearRows = useMemo(() => containersNear(list, selectedIndex, listHeight), [list, selectedIndex, listHeight]);
	const nextWakeAt = useCallback((at: number) => nextRowWake(nearRows, at), [nearRows]);
	const textsAt = useCallback((at: number) => relativeTexts(nearRows, at, timeFormat), [nearRows, timeFormat]);
	const now = useClock(nextWakeAt, textsAt);
	// The footer asks the router what each key would do (focus.ts): once per state, not per render.
	const footer = useMemo(() => footerBindings(state, session.keys), [state, session.keys]);

	if (tooSmall) {
		return <TooSmall columns={columns} rows={rows} minColumns={minColumns} minRows={minRows} keys={session.keys} />;
	}

	return (
		<Box flexDirection="column" width={columns} height={height}>
			<Header engine={state.engine} counts={countContainers(state.containers)} readOnly={session.keys.readOnly} width={columns} />
			{banners.map((banner) => (
				<Text key={banner} backgroundColor="red" color="white" wrap="truncate-end">
					{banner}
				</Text>
			))}
			<Box>
				{state.ui.pane === 'events' ? (
					<EventsTitle events={state.events} keys={session.keys} swarm={state.swarm.role?.manager} />
				) : isSwarmPane(state.ui.pane) ? (
					<SwarmTitle pane={state.ui.pane} swarm={state.swarm} keys={session.keys} />
				) : state.ui.pane !== 'containers' ? (
					<ResourceTitle state={state} pane={state.ui.pane} keys={session.keys} />
				) : (
					<ContainerTitle state={state} visible={visible} keys={session.keys} />
				)}
			</Box>
			{dialog?.kind === 'help' ? (
				<HelpOverlay
					bindings={session.keys.bindings}
					here={focusScopes({...state, ui: {...state.ui, dialog: undefined}})}
					keys={session.keys}
					offset={dialog.offset}
					height={bodyHeight + 1 + dialogHeight}
					width={columns}
				/>
			) : dialog?.kind === 'execResult' ? (
				<ExecResultDialog dialog={dialog} keys={session.keys} height={bodyHeight + 1 + dialogHeight} width={columns} />
			) : dialog?.kind === 'contexts' ? (
				<ContextList dialog={dialog} keys={session.keys} height={bodyHeight + 1 + dialogHeight} width={columns} />
			) : dialog?.kind === 'form' ? (
				<FormView
					dialog={dialog}
					keys={session.keys}
					height={bodyHeight + 1}
					width={columns}
					scope={state.engine.scope}
					containerNames={new Set(Object.values(state.containers.byId).map((container) => container.name))}
				/>
			) : dialog?.kind === 'buildLog' ? (
				<BuildLogView dialog={dialog} keys={session.keys} height={bodyHeight + 1} width={columns} />
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
					{panelOpen && state.ui.zoomed ? null : state.ui.pane === 'events' ? (
						<EventList events={state.events} height={listHeight + 1} width={columns} now={now} keys={session.keys} />
					) : isSwarmPane(state.ui.pane) ? (
						state.swarm.dialog?.kind === 'confirm' ? (
							<SwarmDialogView
								dialog={state.swarm.dialog}
								tasks={confirmTaskRows(state)}
								keys={session.keys}
								height={listHeight + 1}
							/>
						) : (
							<SwarmList
								pane={state.ui.pane}
								swarm={state.swarm}
								height={listHeight + 1}
								width={columns}
								now={now}
								keys={session.keys}
							/>
						)
					) : state.ui.pane !== 'containers' ? (
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
							rows={list}
							selectedIndex={index}
							height={listHeight}
							width={columns}
							now={now}
							loaded={state.containers.loaded}
							filtered={state.ui.filter.value !== '' || state.ui.stateFilter !== undefined}
							keys={session.keys}
							marked={state.ui.marked}
							engineWidth={engineColumnWidth(state.engine.engines)}
							usageColumns={usageShown(state.ui.usageColumns, listHeight)}
							usage={state.containers.usage}
							onWindow={session.showWindow}
							onRows={session.showRows}
						/>
					)}
					{panelOpen ? <Panel state={state} session={session} height={panelHeight} width={columns} /> : null}
				</>
			)}
			{dialog?.kind === 'confirm' ? <ConfirmDialog dialog={dialog} keys={session.keys} /> : null}
			<Box flexGrow={1} />
			{dialog?.kind === 'rename' ? (
				<LineInput
					label={`Rename ${dialog.name} to: `}
					editor={dialog.editor}
					hint={hintText(session.keys, 'prompt', [
						['submit', 'applies'],
						['back', 'cancels'],
					])}
				/>
			) : dialog?.kind === 'exec' ? (
				<LineInput
					label={`Run in ${dialog.name}: `}
					editor={dialog.editor}
					hint={hintText(session.keys, 'prompt', [
						['submit', 'runs it'],
						['back', 'cancels'],
					])}
				/>
			) : state.ui.panel === 'details' && state.ui.details?.search.editor ? (
				<LineInput
					label="Search the panel: "
					editor={state.ui.details.search.editor}
					hint={hintText(session.keys, 'prompt', [
						['submit', 'keeps it'],
						['back', 'clears it'],
					])}
				/>
			) : isSwarmPane(state.ui.pane) && state.swarm.dialog?.kind === 'scale' ? (
				<SwarmDialogView dialog={state.swarm.dialog} tasks={[]} keys={session.keys} height={1} />
			) : (
				<StatusLine status={state.ui.status} columns={columns} />
			)}
			<Footer bindings={footer} width={columns} />
		</Box>
	);
}
