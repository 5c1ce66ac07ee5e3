"""The Python API that data pipelines use."""

import multiprocessing
import pickle

import vnlint


def test_check_text_defaults_and_sorting():
    diagnostics = vnlint.check_text("a  \n\n\n\nb\u00a0c\n")
    assert [d.start_offset for d in diagnostics] == sorted(d.start_offset for d in diagnostics)
    assert [(d.start.line, d.code) for d in diagnostics][:2] == [(1, "W002"), (2, "W001")]


def test_fix_text_returns_text_fixed_and_remaining():
    result = vnlint.fix_text("Việt Nam  \n")
    assert result.text == "Việt Nam\n" and result.changed and result.converged
    assert [d.code for d in result.fixed] == ["W002"] and result.remaining == []


def test_unsafe_flag():
    config = vnlint.config_from_dict({"extend-unsafe-fixes": ["W002"]})
    assert vnlint.fix_text("x  \n", config).text == "x  \n"
    assert vnlint.fix_text("x  \n", config, unsafe=True).text == "x\n"


def test_load_config(tmp_path):
    path = tmp_path / "vnlint.toml"
    path.write_text('select = ["W002"]\n', encoding="utf-8")
    config = vnlint.load_config(path)
    assert config.select == ("W002",)
    assert [d.code for d in vnlint.check_text("a  \n\n\n\nb", config)] == ["W002"]
    assert pickle.loads(pickle.dumps(config)) == config


def _worker(args):
    text, config = args
    return [d.code for d in vnlint.check_text(text, config)]


def test_config_crosses_process_boundaries():
    config = vnlint.config_from_dict({"select": ["W002", "E003"]})
    texts = ["a  \n", "b\u00a0c\n", "sạch\n"] * 4
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(_worker, [(text, config) for text in texts])
    assert results[:3] == [["W002"], ["E003"], []]


def test_per_file_ignores_through_the_api_path_argument():
    config = vnlint.config_from_dict({"per-file-ignores": {"raw/*.txt": ["W"]}}, root="/corpus")
    assert vnlint.check_text("a  \n", config, path="/corpus/raw/x.txt") == []
    assert [d.code for d in vnlint.check_text("a  \n", config, path="/corpus/clean/x.txt")] == ["W002"]
