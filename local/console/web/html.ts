/// <reference lib="dom" />
import htm from 'htm';
import { h } from 'preact';

/** Tagged templates that build Preact elements; every interpolated value is text, never markup. */
export const html = htm.bind(h);
