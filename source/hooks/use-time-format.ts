// The config's timeFormat for the lists, provided once around the app (app/run.tsx) so the lists read it
// without every pane above them passing it down.
import {createContext, useContext} from 'react';
import type {TimeFormat} from '../state/core/time-format.js';

export const TimeFormatContext = createContext<TimeFormat>('relative');

export const useTimeFormat = (): TimeFormat => useContext(TimeFormatContext);
