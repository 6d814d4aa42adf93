// The console works without this file; it only makes some things smoother.
"use strict";
