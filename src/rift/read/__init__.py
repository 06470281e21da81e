"""Reading inputs: find text files, decode their bytes, turn HTML and Markdown into text."""

from rift.read.readers import RawText, decode_bytes, discover, read_path, read_stdin

__all__ = ["RawText", "decode_bytes", "discover", "read_path", "read_stdin"]
