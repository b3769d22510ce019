// Shell completion as the shells see it: the scripts `kubenotes completion <shell>` prints, and the lines
// `kubenotes __complete` answers them with. The scripts only hand over the words typed and show the answer;
// what to offer is decided in one place, src/program/completion.ts.
import type { Candidate } from './completion.js';
import { printable } from '../render/safe-text.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** `value<TAB>description`, one candidate a line (bash keeps only the value); zsh and fish print the description. */
export function candidateLines(candidates: Candidate[]): string {
  const line = ({ value, description }: Candidate) => (description ? `${value}\t${printable(description)}` : value);
  return candidates.map((candidate) => `${line(candidate)}\n`).join('');
}

/** Tells the script to complete paths itself; `prefix` (`--file=`) is typed before the path in the same word. */
export const filesDirective = (prefix: string): string => `${FILES}\t${prefix}\n`;
const FILES = ':files';

const BASH = `# bash completion for kubenotes.
# Now:    source <(kubenotes completion bash)
# Always: kubenotes completion bash > ~/.local/share/bash-completion/completions/kubenotes
_kubenotes() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line
  [[ $cur == '=' ]] && cur=''  # bash splits --option=value at the '='
  COMPREPLY=()
  while IFS= read -r line; do
    if [[ $line == '${FILES}'* ]]; then
      compopt -o filenames 2>/dev/null
      local IFS=$'\\n'
      COMPREPLY=($(compgen -f -- "$cur"))
      return 0
    fi
    line=\${line%%$'\\t'*}
    [[ $line == "$cur"* ]] && COMPREPLY+=("$line")
  done < <(command kubenotes __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
  return 0
}
complete -F _kubenotes kubenotes
`;

const ZSH = `#compdef kubenotes
# zsh completion for kubenotes.
# Now:    source <(kubenotes completion zsh)          (after compinit)
# Always: kubenotes completion zsh > "\${fpath[1]}/_kubenotes"
_kubenotes() {
  local -a lines candidates
  local line token notes_file=$KUBENOTES_FILE
  # KUBENOTES_FILE=… typed before the command is not among $words: read it from the buffer
  for token in \${(z)LBUFFER}; do
    if [[ $token == KUBENOTES_FILE=* ]]; then notes_file=\${(Q)\${token#KUBENOTES_FILE=}}
    elif [[ $token == "$words[1]" ]]; then break
    elif [[ $token != *=* ]]; then notes_file=$KUBENOTES_FILE
    fi
  done
  [[ $notes_file == '~/'* ]] && notes_file=$HOME/\${notes_file#\\~/}
  lines=("\${(@f)$(KUBENOTES_FILE=$notes_file command kubenotes __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ $lines[1] == '${FILES}'* ]]; then
    [[ $lines[1] == *=* ]] && compset -P '*='
    _files
    return
  fi
  for line in $lines; do
    [[ -n $line ]] || continue
    if [[ $line == *$'\\t'* ]]; then candidates+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}")
    else candidates+=("\${line//:/\\\\:}")
    fi
  done
  _describe -t kubenotes kubenotes candidates
}
if [[ $funcstack[1] == _kubenotes ]]; then
  _kubenotes "$@"  # autoloaded from $fpath: complete now
elif (( $+functions[compdef] )); then
  compdef _kubenotes kubenotes
else
  print -u2 'kubenotes: run "autoload -Uz compinit && compinit" before loading this completion'
fi
`;

const FISH = `# fish completion for kubenotes.
# Now:    kubenotes completion fish | source
# Always: kubenotes completion fish > ~/.config/fish/completions/kubenotes.fish
function __kubenotes_complete
    # fish itself applies a KUBENOTES_FILE=… typed before the command while completing
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    set -l lines (command kubenotes __complete -- $words 2>/dev/null)
    if string match -q -- '${FILES}*' "$lines[1]"
        set -l prefix (string split -m 1 \\t -- $lines[1])[2]
        set -l token (commandline -ct)
        test -n "$prefix"; and set token (string sub -s (math (string length -- $prefix) + 1) -- $token)
        for path in (__fish_complete_path $token)
            echo $prefix$path
        end
        return
    end
    printf '%s\\n' $lines
end
complete -c kubenotes -f -a '(__kubenotes_complete)'
`;

const SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };

export const completionScript = (shell: Shell): string => SCRIPTS[shell];
