"""Docs are tested: every CLI command appears in the README."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    import typer.main

    from rift.cli import main

    main._register()
    group = typer.main.get_command(main.app)
    names = []
    for name, cmd in group.commands.items():
        sub = getattr(cmd, "commands", None)
        if sub:
            names.extend(f"{name} {s}" for s in sub)
        else:
            names.append(name)
    return names


def test_docs_readme_opens_with_the_two_commands():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    head = text[:400]
    assert "make demo" in head and "make test" in head


def test_docs_every_command_in_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if f"rift {c}" not in readme]
    assert not missing, f"commands missing from README.md: {missing}"
