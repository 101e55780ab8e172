package io.shoplens.app.testing;

import java.io.File;
import java.lang.reflect.Field;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import com.sun.javafx.scene.SceneHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.TKDropTargetListener;
import com.sun.javafx.tk.TKScene;

/**
 * Drops files on a window the way the operating system does. A test cannot drag from a file
 * manager, so this stands in for the native side only: it calls the scene's drop target (the
 * listener Glass calls when the OS reports a drag entering, moving over and dropping on the
 * window) with a dragboard that holds the files. From there on everything is JavaFX's own: the
 * scene picks the node under the point and dispatches DRAG_ENTERED, DRAG_OVER and DRAG_DROPPED
 * to it, and they bubble to the window's handlers exactly as on a real drop.
 */
public final class FileDrop {

    private FileDrop() {
    }

    /**
     * Drags {@code files} onto the middle of {@code target} and drops them; call on the FX thread.
     *
     * @return the transfer mode the window accepted the drop with, null when it refused
     */
    public static TransferMode drop(Node target, List<File> files) {
        Bounds bounds = target.getLayoutBounds();
        Point2D local = new Point2D(bounds.getCenterX(), bounds.getCenterY());
        Point2D scene = target.localToScene(local);
        Point2D screen = target.localToScreen(local);
        TKDropTargetListener window = dropTarget(target);
        FileDragboard dragboard = new FileDragboard(files);
        TransferMode entered = window.dragEnter(scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                TransferMode.COPY, dragboard);
        TransferMode over = window.dragOver(scene.getX(), scene.getY(), screen.getX(), screen.getY(), TransferMode.COPY);
        if (entered == null && over == null) {
            window.dragExit(scene.getX(), scene.getY(), screen.getX(), screen.getY());
            return null;
        }
        return window.drop(scene.getX(), scene.getY(), screen.getX(), screen.getY(), TransferMode.COPY);
    }

    private static TKDropTargetListener dropTarget(Node target) {
        TKScene peer = SceneHelper.getPeer(target.getScene());
        for (Class<?> type = peer.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("dropTargetListener");
                field.setAccessible(true);
                return (TKDropTargetListener) field.get(peer);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The scene's peer has no drop target: " + peer.getClass());
    }

    /** What the OS's drag carries: a list of files, offered for copying. */
    private static final class FileDragboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new LinkedHashMap<>();

        FileDragboard(List<File> files) {
            content.put(DataFormat.FILES, List.copyOf(files));
        }

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
