#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Peer (b) for the watcherd benchmark: what a user would write instead of a daemon.
#
#   inotifywait-copy.sh INBOX OUTPUT
#
# Copies every file that is closed after writing or renamed into INBOX (recursively)
# to OUTPUT/<relative path>, through a temporary name and a rename so that readers never
# see half a copy.  No fsync, no extraction, no archive: the cheapest thing that "works".
# inotifywait prints "Watches established." on stderr once it is watching.
set -u
inbox=${1%/}
out=${2%/}

inotifywait -m -r -e close_write,moved_to --format '%w%f' -- "$inbox" |
    while IFS= read -r path; do
        rel=${path#"$inbox"/}
        dst="$out/$rel"
        [[ -d ${dst%/*} ]] || mkdir -p -- "${dst%/*}"
        cp -- "$path" "$dst.tmp" && mv -f -- "$dst.tmp" "$dst"
    done
