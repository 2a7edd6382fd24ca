package dev.mimic.pc.display;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.AWTException;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Point;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Consumer;

/**
 * The guest's screen in a Swing window, one image pixel per screen pixel, the window sized to the
 * mode. Only glue: frames come from {@link ScreenRefresh}, and what keys and the mouse mean is
 * {@link HostInput}'s. While the mouse is grabbed the pointer is hidden and put back in the middle
 * after each move, so motion never stops at the screen's edge.
 */
public final class ScreenWindow implements Consumer<BufferedImage>, AutoCloseable {
    private final JFrame frame;
    private final View view = new View();
    private final HostInput input;
    private final Robot robot;
    private volatile BufferedImage image;
    private volatile boolean closed;

    private ScreenWindow(String name, GuestInput guest) {
        input = new HostInput(guest, name);
        robot = robot();
        frame = new JFrame(input.title());
        frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        frame.setFocusTraversalKeysEnabled(false);
        frame.add(view);
        view.setPreferredSize(new Dimension(720, 400));
        frame.pack();
        frame.setResizable(false);
        listen();
        frame.setLocationRelativeTo(null);
        frame.setVisible(true);
    }

    /** Opens the window (on Swing's thread); input for the guest goes to {@code guest}. */
    public static ScreenWindow open(String name, GuestInput guest) {
        ScreenWindow[] window = new ScreenWindow[1];
        try {
            SwingUtilities.invokeAndWait(() -> window[0] = new ScreenWindow(name, guest));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the window", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot open the window: " + e.getCause().getMessage(), e.getCause());
        }
        return window[0];
    }

    /** Whether the user closed the window. */
    public boolean closed() {
        return closed;
    }

    /** Shows {@code frame}; called from the machine's thread. */
    @Override
    public void accept(BufferedImage next) {
        image = next;
        SwingUtilities.invokeLater(() -> {
            Dimension size = new Dimension(next.getWidth(), next.getHeight());
            if (!size.equals(view.getPreferredSize())) {
                view.setPreferredSize(size);
                frame.pack();
            }
            view.repaint();
        });
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(frame::dispose);
    }

    private void listen() {
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                closed = true;
            }
        });
        frame.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                input.focusLost();
                grabChanged();
            }
        });
        frame.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                input.keyPressed(e.getKeyCode(), e.getKeyLocation(), e.getModifiersEx());
                e.consume();
                grabChanged();
            }

            @Override
            public void keyReleased(KeyEvent e) {
                input.keyReleased(e.getKeyCode(), e.getKeyLocation());
                e.consume();
            }
        });
        MouseAdapter mouse = new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (input.grabbed()) {
                    input.pointer(e.getX(), e.getY(), e.getModifiersEx());
                } else {
                    input.clicked();
                    grabChanged();
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                input.pointer(e.getX(), e.getY(), e.getModifiersEx());
            }

            @Override
            public void mouseMoved(MouseEvent e) {
                input.pointer(e.getX(), e.getY(), e.getModifiersEx());
                recentre();
            }

            @Override
            public void mouseDragged(MouseEvent e) {
                mouseMoved(e);
            }
        };
        view.addMouseListener(mouse);
        view.addMouseMotionListener(mouse);
    }

    private void grabChanged() {
        frame.setTitle(input.title());
        view.setCursor(input.grabbed() ? Toolkit.getDefaultToolkit().createCustomCursor(
                new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB), new Point(), "none") : Cursor.getDefaultCursor());
        recentre();
    }

    /** While grabbed, puts the pointer back in the middle of the screen image. */
    private void recentre() {
        if (!input.grabbed() || robot == null || !view.isShowing()) {
            return;
        }
        Point origin = view.getLocationOnScreen();
        int x = view.getWidth() / 2;
        int y = view.getHeight() / 2;
        robot.mouseMove(origin.x + x, origin.y + y);
        input.warped(x, y);
    }

    /** A robot to move the pointer, or null where the platform refuses one (the grab then only hides the pointer). */
    private static Robot robot() {
        try {
            return new Robot();
        } catch (AWTException | SecurityException e) {
            return null;
        }
    }

    /** Paints the latest frame. */
    private final class View extends JComponent {
        @Override
        protected void paintComponent(Graphics g) {
            BufferedImage shown = image;
            if (shown != null) {
                g.drawImage(shown, 0, 0, null);
            }
        }
    }
}
