// The walk of every role over every page (walk.mjs) at the desktop size.
import { SIZES, walkAt } from './walk.mjs';

walkAt(SIZES.desktop);
