"""The back/forward stack of posts read (pure: no app)."""

from noticetui.tui.history import History


def visited(*posts: int) -> History:
    """A history that has opened ``posts``, in that order."""
    history = History()
    for post in posts:
        history.visit(post)
    return history


def test_back_and_forward_walk_the_posts_read() -> None:
    history = visited(1, 2, 3)
    assert (history.back(), history.back(), history.back()) == (2, 1, None)
    assert (history.forward(), history.forward(), history.forward()) == (2, 3, None)


def test_opening_a_post_after_going_back_drops_what_lay_ahead() -> None:
    history = visited(1, 2, 3)
    history.back()
    history.visit(4)
    assert history.items == [1, 2, 4] and history.forward() is None and history.back() == 2


def test_opening_the_same_post_again_is_one_entry() -> None:
    history = History()
    history.visit(1)
    history.visit(1)
    assert history.items == [1] and history.back() is None


def test_the_oldest_posts_go_when_the_stack_is_full() -> None:
    history = History(size=3)
    for post in range(1, 6):
        history.visit(post)
    assert history.items == [3, 4, 5] and history.current == 5


def test_a_forgotten_post_leaves_the_stack_and_the_position_holds() -> None:
    history = visited(1, 2, 3)
    history.back()
    history.forget(1)
    assert history.items == [2, 3] and history.current == 2
