"""Line I/O for the demo: prompts on a TTY, an echo of each input line otherwise."""

from __future__ import annotations

from typing import IO


class Terminal:
    def __init__(self, stdin: IO[str], stdout: IO[str]) -> None:
        self.stdin, self.stdout = stdin, stdout
        self.tty = stdin.isatty()

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def read(self, prompt: str = "> ") -> str | None:
        """One line (None at end of input); echoed after the prompt when not a TTY."""
        if self.tty:
            self.stdout.write(prompt)
            self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return None
        line = line.rstrip("\r\n")
        if not self.tty:
            self.say(f"{prompt}{line}".rstrip())
        return line
