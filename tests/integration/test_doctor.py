"""``noticetui doctor BOARD`` against the sample boards: which engine and which path read each field."""

from __future__ import annotations

from noticetui.demo.server import DemoServer

from .conftest import Cli, demo_board_url


def test_doctor_shows_the_engine_and_the_path_of_each_field(cli: Cli, demo_server: DemoServer) -> None:
    assert cli("add", demo_board_url(demo_server, "gnuboard"), "--name", "g5").code == 0
    result = cli("doctor", "g5")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert any(line.startswith("engine: gnuboard") for line in lines)
    post_at = next(i for i, line in enumerate(lines) if line.startswith("post "))
    fields = {line.split()[0]: line for line in lines[post_at:] if line.startswith("  ") and line.split()}
    assert "engine selectors" in fields["body"] and "engine selectors" in fields["title"]
    assert any(line.startswith("list page 1:") for line in lines[:post_at])


def test_doctor_names_the_generic_fallback_where_it_read_a_field(cli: Cli, demo_server: DemoServer) -> None:
    assert cli("add", demo_board_url(demo_server, "generic", "plain-table"), "--name", "plain").code == 0
    result = cli("doctor", "plain")
    assert result.code == 0, result.err
    body = next(line for line in result.out.splitlines() if line.split()[:1] == ["body"])
    assert "generic fallback" in body


def test_doctor_exits_1_with_the_reason_when_nothing_can_be_read(cli: Cli, demo_server: DemoServer) -> None:
    # A board whose engine no longer fits its site (the site moved to another CMS since it was added).
    url = demo_board_url(demo_server, "egov", "egov-legacy")
    with (cli.home / "config.toml").open("a", encoding="utf-8") as config:
        config.write(f'\n[[boards]]\nname = "wrong"\nurl = "{url}"\nengine = "gnuboard"\n')
    result = cli("doctor", "wrong")
    assert result.code == 1
    assert "no gnuboard list" in result.out and "generic engine would find" in result.out
    assert result.err.strip().count("\n") == 0 and "could not be read" in result.err


def test_doctor_reports_a_maintenance_page_in_the_sites_words(cli: Cli, fresh_server: DemoServer) -> None:
    assert cli("add", demo_board_url(fresh_server, "rhymix", "rhymix-notice"), "--name", "rx").code == 0
    fresh_server.set_fault("garbage")
    result = cli("doctor", "rx")
    assert result.code == 1
    assert "the site answered '더 나은 서비스를 위해 시스템 점검 중입니다'" in result.out


def test_doctor_of_an_unknown_board_is_bad_usage(cli: Cli) -> None:
    assert cli("doctor", "nope").code == 2
