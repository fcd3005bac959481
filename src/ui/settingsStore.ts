import { create } from 'zustand';
import { readPref, writePref } from './browserStorage';

/** localStorage keys of the display settings. */
export const PRESENTATION_KEY = 'rcl.presentation';
export const NOTES_KEY = 'rcl.showNotes';

interface SettingsState {
  /** Larger type and high contrast, for projecting to a room. */
  presentation: boolean;
  /** Show instructor notes under each step (hidden by default). */
  showNotes: boolean;
  setPresentation(on: boolean): void;
  setShowNotes(on: boolean): void;
}

/** Display and teaching preferences, persisted in localStorage. */
export const useSettingsStore = create<SettingsState>((set) => ({
  presentation: readPref(PRESENTATION_KEY) === '1',
  showNotes: readPref(NOTES_KEY) === '1',
  setPresentation(on) {
    writePref(PRESENTATION_KEY, on ? '1' : '0');
    set({ presentation: on });
  },
  setShowNotes(on) {
    writePref(NOTES_KEY, on ? '1' : '0');
    set({ showNotes: on });
  },
}));
