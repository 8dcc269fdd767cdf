// The walk of every role over every page (walk.mjs) at the phone size.
import { SIZES, walkAt } from './walk.mjs';

walkAt(SIZES.phone);
