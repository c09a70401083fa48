#!/usr/bin/env bash
# Prints the cargo target directory of the build's own tools (tools/*), kept across clones.
echo "${XDG_CACHE_HOME:-$HOME/.cache}/recovery-diary/tools-target"
